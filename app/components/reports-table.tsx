import type { inferRouterOutputs } from '@trpc/server';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../shared/i18n/locales';
import { formatDate, formatMonth } from '../../shared/format';
import type { AppRouter } from '../../server/trpc/root-router';

type Reports = inferRouterOutputs<AppRouter>['reports']['mine'];

/**
 * A company's monthly reports, newest first, each downloadable: the client's page lists them, the
 * staff's company page also says when each was mailed.
 */
export function ReportsTable({ reports, locale, audience }: { reports: Reports; locale: Locale; audience: 'client' | 'staff' }) {
  const { t } = useTranslation();
  const staff = audience === 'staff';
  const texts = staff ? 'report.staff' : 'report.portal';
  if (reports.length === 0)
    return (
      <p className="muted" data-testid={staff ? undefined : 'reports-empty'}>
        {t(`${texts}.empty`)}
      </p>
    );
  return (
    <table className="table" data-testid={staff ? 'company-reports' : 'reports'}>
      <caption>{t(staff ? 'report.staff.title' : 'report.portal.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`${texts}.month`)}</th>
          <th scope="col">{t(`${texts}.generatedAt`)}</th>
          {staff ? <th scope="col">{t('report.staff.mailedAt')}</th> : null}
          <th scope="col">PDF</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((report) => {
          const month = formatMonth(report.month, locale);
          return (
            <tr key={report.id}>
              <th scope="row">{month}</th>
              <td>{formatDate(report.generatedAt, locale)}</td>
              {staff ? (
                <td>
                  {report.mailedAt ? formatDate(report.mailedAt, locale) : <span className="muted">{t('report.staff.notMailed')}</span>}
                </td>
              ) : null}
              <td>
                <a href={`/reports/${report.id}`} aria-label={t('report.portal.downloadNamed', { month })}>
                  {t('report.portal.download')}
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
