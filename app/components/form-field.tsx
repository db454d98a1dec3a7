import { useId } from 'react';
import { useTranslation } from '~/i18n/use-translation';

type Props = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | null;
  error?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  options?: readonly string[];
  placeholder?: string;
  /** `rtl` for a field written in Arabic whatever the page's language. */
  dir?: 'rtl' | 'ltr';
};

/**
 * A labelled input whose error is announced: aria-invalid plus aria-describedby pointing at the
 * message. The value typed is kept by the caller passing it back as defaultValue.
 */
export function FormField({
  name,
  label,
  type = 'text',
  defaultValue,
  error,
  hint,
  required,
  autoComplete,
  options,
  placeholder,
  dir,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    required,
    dir,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    defaultValue: defaultValue ?? undefined,
  };
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> ({t('form.required')})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options ? (
        <select {...common}>
          <option value="">{t('account.choose')}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} placeholder={placeholder} />
      )}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
