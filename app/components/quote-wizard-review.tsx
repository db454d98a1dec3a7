import { useTranslation } from '~/i18n/use-translation';
import type { WizardStep } from '~/utils/quote-wizard-steps';
import type { ServiceChoice } from './quote-wizard-steps';

/** The review step: every answer, each with a button back to its step (a plain submit: no JS needed). */
export function ReviewStep({ values, services }: { values: Record<string, string>; services: ServiceChoice[] }) {
  const { t } = useTranslation();
  const none = t('quote.none');
  const service = services.find((s) => s.code === values.serviceCode);
  const rows: { step: WizardStep; label: string; value: string }[] = [
    { step: 'company', label: t('quote.companyName'), value: values['company.name'] || none },
    { step: 'company', label: t('quote.sector'), value: values['company.sector'] || none },
    { step: 'company', label: t('quote.employeeRange'), value: values['company.employeeRange'] || none },
    { step: 'company', label: t('quote.address'), value: values['company.address'] || none },
    { step: 'company', label: t('quote.phone'), value: values['company.phone'] || none },
    {
      step: 'company',
      label: t('quote.legalIds'),
      value: (['rc', 'nif', 'nis', 'ai'] as const).map((k) => `${k.toUpperCase()} ${values[`company.${k}`] || none}`).join(' · '),
    },
    { step: 'service', label: t('quote.service'), value: service?.name ?? none },
    ...(['ticketsPerMonth', 'pcsCount', 'softwareCount', 'description'] as const)
      .filter((k) => values[k])
      .map((k) => ({ step: 'details' as const, label: t(`quote.${k}`), value: values[k]! })),
    {
      step: 'duration',
      label: t('quote.durationMonths'),
      value: values.durationMonths ? t('quote.months', { count: Number(values.durationMonths) }) : none,
    },
  ];
  return (
    <>
      <p>{t('quote.reviewLead')}</p>
      <dl className="quote-review">
        {rows.map((r) => (
          <div key={r.label} className="quote-review__row">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
            <dd>
              <button
                type="submit"
                name="intent"
                value={`goto:${r.step}`}
                className="button button--ghost button--small"
                aria-label={`${t('quote.edit')} : ${r.label}`}
              >
                {t('quote.edit')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
