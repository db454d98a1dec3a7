import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { formatDate, formatMonth } from '../../shared/format';
import { titled } from '~/utils/page-title';
import { superClientPage } from '~/utils/portal.server';

export const meta = titled('reports');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { page, access, locale, headers } = await superClientPage(request, context, (api) => api.reports.mine());
  return data({ reports: page, access, locale }, { headers });
}

/** Every monthly report of the company, newest first, each downloadable in the reader's language. */
export default function PortalReports() {
  const { reports, access, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!reports) return <SubscriptionRequired access={access!} locale={locale} />;
  return (
    <>
      <h1>{t('report.portal.title')}</h1>
      <p className="muted">{t('report.portal.lead')}</p>
      {reports.length === 0 ? (
        <p className="muted" data-testid="reports-empty">
          {t('report.portal.empty')}
        </p>
      ) : (
        <table className="table" data-testid="reports">
          <caption>{t('report.portal.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.portal.month')}</th>
              <th scope="col">{t('report.portal.generatedAt')}</th>
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
      )}
    </>
  );
}
