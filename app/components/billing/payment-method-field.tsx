import { useTranslation } from '~/i18n/use-translation';

/** The modes staff record a payment in by hand, as the procedures' schemas accept them. */
const recordedMethods = ['transfer', 'cheque', 'cash'] as const;

/** How the money came, when staff record a payment: on an invoice or on its pro-forma. */
export function PaymentMethodField({ id, defaultValue, error }: { id: string; defaultValue: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{t('boBilling.method')}</label>
      <select id={id} name="method" defaultValue={defaultValue} aria-invalid={error ? true : undefined}>
        {recordedMethods.map((m) => (
          <option key={m} value={m}>
            {t(`paymentMethod.${m}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
