import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { BarChart } from '~/components/admin/bar-chart';
import { formatDa, formatDateTime, formatMonth, formatPercent } from '../../shared/format';
import { adminPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';

export const meta = titled('adminDashboard');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  return data({ overview: await api.admin.dashboard.overview(), locale: ctx.locale }, { headers });
}

export default function Dashboard() {
  const { overview, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const monthLabel = (m: string) => formatMonth(m, locale);
  const da = (cents: number) => formatDa(cents / 100, locale);
  const percent = (value: number | null) => (value === null ? t('admin.dashboard.notApplicable') : formatPercent(value, locale));
  return (
    <>
      <h1>{t('admin.dashboard.title')}</h1>
      <div className="cards admin-kpis">
        <section className="card" aria-labelledby="kpi-clients">
          <h2 id="kpi-clients">{t('admin.dashboard.clients')}</h2>
          <p className="admin-kpi" data-testid="kpi-clients">
            {overview.clients}
          </p>
          <p className="muted small">{t('admin.dashboard.clientsHint')}</p>
        </section>
        <section className="card" aria-labelledby="kpi-subscriptions">
          <h2 id="kpi-subscriptions">{t('admin.dashboard.activeSubscriptions')}</h2>
          <p className="admin-kpi">{overview.activeSubscriptions}</p>
          <p className="muted small">{t('admin.dashboard.subscribedCompanies', { count: overview.subscribedCompanies })}</p>
        </section>
        <section className="card" aria-labelledby="kpi-mrr">
          <h2 id="kpi-mrr">{t('admin.dashboard.mrr')}</h2>
          <p className="admin-kpi">{formatDa(overview.monthlyRecurringRevenueDa, locale)}</p>
          <p className="muted small">{t('admin.dashboard.mrrHint')}</p>
        </section>
      </div>

      <section className="card" aria-labelledby="billing-title">
        <h2 id="billing-title">{t('admin.dashboard.billing')}</h2>
        <div className="admin-chart-pair">
          <BarChart
            label={t('admin.dashboard.chartAlt', { title: t('admin.dashboard.billing') })}
            labels={overview.months.map((m) => monthLabel(m.month))}
            datasets={[
              { label: t('admin.dashboard.invoiced'), data: overview.months.map((m) => m.invoicedCents / 100), color: '#0b5cab' },
              { label: t('admin.dashboard.paid'), data: overview.months.map((m) => m.paidCents / 100), color: '#1a7f4b' },
            ]}
          />
          <table className="table">
            <caption>{t('admin.dashboard.billing')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.dashboard.month')}</th>
                <th scope="col" className="num">
                  {t('admin.dashboard.invoiced')}
                </th>
                <th scope="col" className="num">
                  {t('admin.dashboard.paid')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthLabel(m.month)}</th>
                  <td className="num">{da(m.invoicedCents)}</td>
                  <td className="num">{da(m.paidCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t('admin.dashboard.funnel')}</h2>
        <div className="admin-chart-pair">
          <BarChart
            horizontal
            counts
            label={t('admin.dashboard.chartAlt', { title: t('admin.dashboard.funnel') })}
            labels={overview.funnel.steps.map((s) => t(`admin.dashboard.steps.${s.step}`))}
            datasets={[{ label: t('admin.dashboard.count'), data: overview.funnel.steps.map((s) => s.count), color: '#0b2545' }]}
          />
          <table className="table">
            <caption>{t('admin.dashboard.funnel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.dashboard.step')}</th>
                <th scope="col" className="num">
                  {t('admin.dashboard.count')}
                </th>
                <th scope="col" className="num">
                  {t('admin.dashboard.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.funnel.steps.map((s) => (
                <tr key={s.step}>
                  <th scope="row">{t(`admin.dashboard.steps.${s.step}`)}</th>
                  <td className="num">{s.count}</td>
                  <td className="num">{s.step === 'requests' ? t('admin.dashboard.notApplicable') : percent(s.rateFromPrevious)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t('admin.dashboard.overall', { rate: percent(overview.funnel.overallRate) })}</p>
      </section>

      <section className="card" aria-labelledby="ending-title">
        <h2 id="ending-title">{t('admin.dashboard.endingSoon')}</h2>
        {overview.endingSoon.length === 0 ? (
          <p className="muted">{t('admin.dashboard.noneEnding')}</p>
        ) : (
          <table className="table">
            <caption>{t('admin.dashboard.endingSoon')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.dashboard.company')}</th>
                <th scope="col">{t('admin.dashboard.service')}</th>
                <th scope="col">{t('admin.dashboard.endsAt')}</th>
                <th scope="col" className="num">
                  {t('admin.dashboard.monthlyPrice')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.endingSoon.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.companyName}</th>
                  <td>{locale === 'en' ? s.serviceNameEn : s.serviceNameFr}</td>
                  <td>{formatDateTime(s.endAt, locale)}</td>
                  <td className="num">{formatDa(s.monthlyPriceDa, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
