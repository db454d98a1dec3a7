import { useId } from 'react';
import { useTranslation } from '~/i18n/use-translation';

/**
 * The optional file of a ticket or a reply. The limits are stated beside the field; the server
 * judges the file by its content, and its refusal comes back here with the typed text kept.
 */
export function AttachmentField({ error, params }: { error?: string; params?: Record<string, string | number> }) {
  const { t } = useTranslation();
  const id = useId();
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{t('ticketMore.attachment')}</label>
      <input
        id={id}
        type="file"
        name="attachment"
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('ticketMore.attachmentHint')}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(error, params)}
        </p>
      ) : null}
    </div>
  );
}
