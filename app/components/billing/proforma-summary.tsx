import type { inferRouterOutputs } from '@trpc/server';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { documentUrl, formatDate, formatDay } from '~/utils/billing-format';
import { DocumentLinesTable } from './document-lines-table';
import type { AppRouter } from '../../../server/trpc/root-router';

export type ProformaView = inferRouterOutputs<AppRouter>['proformas']['get'];

/** A pro-forma's heading facts, lines and totals, as both the client and the staff see them. */
export function ProformaSummary({ proforma, locale, audience }: { proforma: ProformaView; locale: Locale; audience: 'client' | 'staff' }) {
  const { t } = useTranslation();
  const service = locale === 'en' ? proforma.service.nameEn : proforma.service.nameFr;
  const status = proforma.pastValidity ? 'expired' : proforma.status;
  return (
    <section className="card" aria-labelledby="proforma-summary">
      <h2 id="proforma-summary" className="billing-heading">
        <span>{t('proforma.lead', { service, months: proforma.months })}</span>
        <span className={`billing-status billing-status--${status}`}>{t(`billingStatus.proforma.${status}`)}</span>
      </h2>
      <dl className="billing-facts">
        {audience === 'staff' ? (
          <div>
            <dt>{t('billing.company')}</dt>
            <dd>{proforma.company.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('billing.date')}</dt>
          <dd>{formatDate(proforma.createdAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('billing.validUntil')}</dt>
          <dd>{formatDay(proforma.validUntil, locale)}</dd>
        </div>
        <div>
          <dt>{t('proforma.paymentMethod')}</dt>
          <dd>{proforma.paymentMethod ? t(`paymentMethod.${proforma.paymentMethod}`) : '—'}</dd>
        </div>
      </dl>
      {proforma.acceptedAt && proforma.paymentMethod ? (
        <p>
          {t('proforma.acceptedWith', {
            date: formatDate(proforma.acceptedAt, locale),
            method: t(`paymentMethod.${proforma.paymentMethod}`),
          })}
        </p>
      ) : null}
      {proforma.status === 'refused' ? <p>{t('proforma.refusedBecause', { reason: proforma.refusalReason ?? '—' })}</p> : null}
      {proforma.paymentRecordedAt && proforma.paymentMethod ? (
        <p>
          {t('proforma.paymentRecorded', {
            date: formatDate(proforma.paymentRecordedAt, locale),
            method: t(`paymentMethod.${proforma.paymentMethod}`),
          })}
          {proforma.paymentReference ? ` — ${proforma.paymentReference}` : ''}
        </p>
      ) : null}
      <DocumentLinesTable lines={proforma.lines} totals={proforma} locale={locale} totalTestId="proforma-total" />
      <p>
        <a className="button button--ghost" href={documentUrl('proforma', proforma.id)}>
          {t('billing.download')}
        </a>
      </p>
    </section>
  );
}
