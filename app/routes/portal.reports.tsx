import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { ReportsTable } from '~/components/reports-table';
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
      <ReportsTable reports={reports} locale={locale} audience="client" />
    </>
  );
}
