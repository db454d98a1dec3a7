import type { inferRouterOutputs } from '@trpc/server';
import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { pickLocalized, type Locale } from '../../../shared/i18n/locales';
import { formatCents, formatDate, formatDay } from '~/utils/billing-format';
import type { AppRouter } from '../../../server/trpc/root-router';

type Home = inferRouterOutputs<AppRouter>['documents']['home'];

/** The client home's billing part: the subscription, what to do next, the documents. */
export function ClientHomeBilling({ home, locale }: { home: Home; locale: Locale }) {
  const { t } = useTranslation();
  const { subscription, next, counts } = home;
  const tasks = next.answer.length + next.sendOrder.length + next.unpaidInvoices.length;
  return (
    <>
      <section className="card" aria-labelledby="subscription-title">
        <h2 id="subscription-title">{t('subscription.title')}</h2>
        {subscription ? (
          <>
            <p data-testid="subscription-active">
              <strong>{t('subscription.active')}</strong>
            </p>
            <dl className="billing-facts">
              <div>
                <dt>{t('subscription.service')}</dt>
                <dd>
                  {pickLocalized(locale, {
                    fr: subscription.service.nameFr,
                    en: subscription.service.nameEn,
                    ar: subscription.service.nameAr,
                  })}
                </dd>
              </div>
              <div>
                <dt>{t('subscription.tier')}</dt>
                <dd>{t('subscription.tierUpTo', { max: subscription.tierMaxQty })}</dd>
              </div>
              <div>
                <dt>{t('subscription.start')}</dt>
                <dd>{formatDate(subscription.startAt, locale)}</dd>
              </div>
              <div>
                <dt>{t('subscription.end')}</dt>
                <dd>{formatDate(subscription.endAt, locale)}</dd>
              </div>
              <div>
                <dt>{t('subscription.daysLeft')}</dt>
                <dd>{t('subscription.daysLeftValue', { count: subscription.daysLeft })}</dd>
              </div>
            </dl>
          </>
        ) : (
          <>
            <p>{t('portal.noSubscription')}</p>
            {counts.proformas === 0 ? <p>{t('portal.nextStep')}</p> : null}
          </>
        )}
        {next.renewFromQuoteId !== null ? (
          <Link className="button" to={`/quote?from=${next.renewFromQuoteId}`}>
            {subscription ? t('portalBilling.renew') : t('portalBilling.requestAgain')}
          </Link>
        ) : null}
      </section>

      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title">{t('portalBilling.nextTitle')}</h2>
        {tasks === 0 ? (
          <p className="muted">{t('portalBilling.nothingToDo')}</p>
        ) : (
          <ul className="billing-tasks">
            {next.answer.map((p) => (
              <li key={`a${p.id}`}>
                <Link to={`/portal/proformas/${p.id}`}>
                  {t('portalBilling.answer', { number: p.number, date: formatDay(p.validUntil, locale) })}
                </Link>
              </li>
            ))}
            {next.sendOrder.map((p) => (
              <li key={`o${p.id}`}>
                <Link to={`/portal/proformas/${p.id}`}>
                  {p.paymentMethod === 'purchase_order' || !p.paymentMethod
                    ? t('portalBilling.sendOrder', { number: p.number })
                    : t('portalBilling.payProforma', { number: p.number, method: t(`paymentMethod.${p.paymentMethod}`) })}
                </Link>
              </li>
            ))}
            {next.unpaidInvoices.map((i) => (
              <li key={`i${i.id}`}>
                <Link to="/portal/documents">
                  {t('portalBilling.payInvoice', {
                    number: i.number,
                    total: formatCents(i.totalInclTaxCents, locale),
                    date: formatDay(i.dueDate, locale),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('documents.title')}</h2>
        <p>{t('documents.summary', counts)}</p>
        <Link to="/portal/documents">{t('documents.seeAll')}</Link>
      </section>
    </>
  );
}
