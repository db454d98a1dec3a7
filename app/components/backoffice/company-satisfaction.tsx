import type { Locale } from '../../../shared/i18n/locales';
import { useTranslation } from '~/i18n/use-translation';
import { formatDateTime, formatNumber } from '../../../shared/format';

type Satisfaction = {
  surveys: number;
  answers: number;
  average: number | null;
  latest: Array<{
    ticketId: number;
    rating: number | null;
    comment: string | null;
    answeredAt: Date | string | null;
    via: 'mail' | 'portal' | null;
  }>;
};

/** Staff: how a company rates its tickets (answers to the satisfaction survey), latest first. */
export function CompanySatisfaction({ satisfaction, locale }: { satisfaction: Satisfaction; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="bo-company-satisfaction" data-testid="company-satisfaction">
      <h2 id="bo-company-satisfaction">{t('satisfaction.staffTitle')}</h2>
      {satisfaction.answers === 0 ? (
        <p className="muted">{t('satisfaction.staffNone')}</p>
      ) : (
        <>
          <p>
            {t('satisfaction.staffSummary', {
              answers: formatNumber(satisfaction.answers, locale),
              surveys: formatNumber(satisfaction.surveys, locale),
              average: formatNumber(satisfaction.average ?? 0, locale, 1),
            })}
          </p>
          <div className="table-scroll">
            <table className="table">
              <caption className="portal-visually-hidden">{t('satisfaction.staffTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('satisfaction.staffTicket')}</th>
                  <th scope="col">{t('satisfaction.staffRating')}</th>
                  <th scope="col">{t('satisfaction.staffComment')}</th>
                  <th scope="col">{t('satisfaction.staffDate')}</th>
                </tr>
              </thead>
              <tbody>
                {satisfaction.latest.map((row) => (
                  <tr key={row.ticketId}>
                    <td>#{row.ticketId}</td>
                    <td>{t('satisfaction.stars', { n: row.rating ?? 0 })}</td>
                    <td>{row.comment ?? '—'}</td>
                    <td>
                      {row.answeredAt ? formatDateTime(row.answeredAt, locale) : '—'}
                      {row.via ? ` (${t(`satisfaction.via.${row.via}`)})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
