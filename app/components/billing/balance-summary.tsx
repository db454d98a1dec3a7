import type { inferRouterOutputs } from '@trpc/server';
import { receiptUrl } from '~/components/billing/payment-section';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatCents, formatDay } from '~/utils/billing-format';
import type { AppRouter } from '../../../server/trpc/root-router';

type Balance = inferRouterOutputs<AppRouter>['payments']['myBalance'];

/** A company's account — invoiced, credited, paid, due or in its favour — and every receipt; the client's page and the staff's company page. */
export function BalanceSummary({
  balance,
  locale,
  headingId,
  title,
  titleHidden = false,
}: {
  balance: Balance;
  locale: Locale;
  headingId: string;
  title: string;
  titleHidden?: boolean;
}) {
  const { t } = useTranslation();
  const figures = [
    ['invoiced', balance.invoicedCents],
    ['credited', balance.creditedCents],
    ['paid', balance.paidCents],
    ['due', balance.dueCents],
  ] as const;
  return (
    <>
      <section className="card" aria-labelledby={headingId} data-testid="balance">
        <h2 id={headingId} className={titleHidden ? 'billing-visually-hidden' : undefined}>
          {title}
        </h2>
        <dl className="billing-facts">
          {figures.map(([key, cents]) => (
            <div key={key}>
              <dt>{t(`balance.${key}`)}</dt>
              <dd data-testid={`balance-${key}`}>{formatCents(cents, locale)}</dd>
            </div>
          ))}
          {balance.inFavourCents > 0 ? (
            <div>
              <dt>{t('balance.inFavour')}</dt>
              <dd data-testid="balance-inFavour">{formatCents(balance.inFavourCents, locale)}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-labelledby={`${headingId}-payments`}>
        <h2 id={`${headingId}-payments`}>{t('balance.payments')}</h2>
        {balance.payments.length === 0 ? (
          <p className="muted">{t('balance.none')}</p>
        ) : (
          <table className="table">
            <caption className="billing-visually-hidden">{t('balance.payments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('balance.receipt')}</th>
                <th scope="col">{t('payments.paidOn')}</th>
                <th scope="col">{t('balance.mode')}</th>
                <th scope="col">{t('balance.reference')}</th>
                <th scope="col" className="num">
                  {t('balance.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {balance.payments.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={receiptUrl(p.id)}>{p.receiptNumber}</a>
                  </td>
                  <td>{formatDay(p.paidOn, locale)}</td>
                  <td>{t(`paymentMethod.${p.method}`)}</td>
                  <td>{p.reference ?? '—'}</td>
                  <td className="num">{formatCents(p.amountCents, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
