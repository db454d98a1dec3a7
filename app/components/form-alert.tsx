import { useTranslation } from '~/i18n/use-translation';

/** The form-level message (an error or a success), announced to screen readers. */
export function FormAlert({
  message,
  params,
  tone = 'error',
}: {
  message: string | null | undefined;
  params?: Record<string, string | number>;
  tone?: 'error' | 'success';
}) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {t(message, params)}
    </div>
  );
}
