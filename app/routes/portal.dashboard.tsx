import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { pickLocalized, type Locale } from '../../shared/i18n/locales';
import { PortalChart } from '~/components/portal/portal-chart';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { SyncedAt } from '~/components/portal/synced-at';
import { formatPortalDate } from '~/components/portal/format-date';
import { formatDay, formatHours, formatMonth, formatNumber, formatPercent, formatShortDay } from '../../shared/format';
import { superClientPage } from '~/utils/portal.server';
import { slugOfItemtype } from '../../server/portal/asset-types';
import { titled } from '~/utils/page-title';

export const meta = titled('dashboard');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { page, access, locale, headers } = await superClientPage(request, context, async (api) => {
    const [dashboard, satisfaction] = await Promise.all([api.portal.dashboard.get(), api.portal.dashboard.satisfaction()]);
    return { ...dashboard, satisfaction };
  });
  // Asset types are named in the reader's language from their URL slug.
  const typeSlugs = page ? Object.fromEntries(page.park.assets.byType.map((row) => [row.itemtype, slugOfItemtype(row.itemtype)])) : {};
  return data({ dashboard: page, access, locale, typeSlugs }, { headers });
}

export default function PortalDashboard() {
  const { dashboard, access, locale, typeSlugs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!dashboard) return <SubscriptionRequired access={access!} locale={locale} />;
  const d = 'clientPortal.dashboard';
  const typeLabel = (itemtype: string) => (typeSlugs[itemtype] ? t(`clientPortal.park.types.${typeSlugs[itemtype]}`) : itemtype);
  const nameOr = (name: string | null) => name ?? t('clientPortal.unknown');
  const { subscription, plan, documents, connections, park, support, syncedAt } = dashboard;
  const states = [...new Set(park.assets.byTypeAndState.map((row) => row.state))];
  const types = park.assets.byType.map((row) => row.itemtype);
  return (
    <div className="portal-dashboard">
      <h1>{t(`${d}.title`)}</h1>
      <div className="cards portal-cards">
        <section className="card" aria-labelledby="sub-title" data-testid="card-subscription">
          <h2 id="sub-title">{t(`${d}.subscription`)}</h2>
          {subscription ? (
            <dl className="portal-facts">
              <dt>{t(`${d}.service`)}</dt>
              <dd>
                {pickLocalized(locale, {
                  fr: subscription.service.nameFr,
                  en: subscription.service.nameEn,
                  ar: subscription.service.nameAr,
                })}
              </dd>
              <dt>{t(`${d}.tier`)}</dt>
              <dd>{t(`${d}.tierValue`, { max: subscription.tierMaxQty })}</dd>
              <dt>{t(`${d}.start`)}</dt>
              <dd>{formatPortalDate(subscription.startAt, locale)}</dd>
              <dt>{t(`${d}.end`)}</dt>
              <dd>{formatPortalDate(subscription.endAt, locale)}</dd>
              <dt>{t(`${d}.daysLeft`)}</dt>
              <dd data-testid="days-left">{subscription.daysLeft}</dd>
            </dl>
          ) : null}
          {subscription ? (
            <a className="button" href={subscription.renewUrl}>
              {t(`${d}.renew`)}
            </a>
          ) : null}
        </section>
        <section className="card" aria-labelledby="plan-title" data-testid="card-plan">
          <h2 id="plan-title">{t(`${d}.plan`)}</h2>
          {plan.length === 0 ? (
            <p className="muted">{t(`${d}.planNone`)}</p>
          ) : (
            plan.map((line) => (
              <div key={line.kind} className="portal-plan">
                <PortalChart
                  heading={t(`${d}.plan`)}
                  id={`plan-${line.kind}`}
                  kind="hbar"
                  max={line.allowed}
                  title={`${t(line.kind === 'tickets' ? `${d}.planTickets` : `${d}.planComputers`)} — ${t(`${d}.planOf`, { used: formatNumber(line.used, locale), allowed: formatNumber(line.allowed, locale), percent: formatPercent(line.percent, locale) })}`}
                  labels={[t(`${d}.used`), t(`${d}.allowed`)]}
                  series={[{ label: t(`${d}.count`), data: [line.used, line.allowed] }]}
                />
              </div>
            ))
          )}
          <SyncedAt at={syncedAt.oldest} locale={locale} />
        </section>
        <section className="card" aria-labelledby="docs-title" data-testid="card-documents">
          <h2 id="docs-title">{t(`${d}.documents`)}</h2>
          <ul className="list portal-counts">
            <li>
              <a href={documents.link}>{t(`${d}.proformas`)}</a> <strong>{documents.proformas}</strong>
            </li>
            <li>
              <a href={documents.link}>{t(`${d}.purchaseOrders`)}</a> <strong>{documents.purchaseOrders}</strong>
            </li>
            <li>
              <a href={documents.link}>{t(`${d}.invoices`)}</a> <strong>{documents.invoices}</strong>
            </li>
          </ul>
          <a href={documents.link}>{t(`${d}.seeDocuments`)}</a>
        </section>
      </div>

      <section className="card" aria-labelledby="connections-title">
        <h2 id="connections-title">{t(`${d}.connections`)}</h2>
        <div className="portal-chart-grid">
          <PortalChart
            id="logins-day"
            kind="bar"
            heading={t(`${d}.day`)}
            title={t(`${d}.perDay`)}
            labels={connections.perDay.map((row) => formatShortDay(row.day, locale))}
            series={[{ label: t(`${d}.logins`), data: connections.perDay.map((row) => row.count) }]}
          />
          <PortalChart
            id="logins-week"
            kind="bar"
            heading={t(`${d}.week`)}
            title={t(`${d}.perWeek`)}
            labels={connections.perWeek.map((row) => formatShortDay(row.week, locale))}
            series={[{ label: t(`${d}.logins`), data: connections.perWeek.map((row) => row.count) }]}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="park-title" data-testid="card-park">
        <h2 id="park-title">{t(`${d}.park`)}</h2>
        <SyncedAt at={syncedAt.park} locale={locale} />
        <div className="portal-chart-grid">
          <PortalChart
            id="assets-type"
            kind="doughnut"
            heading={t(`${d}.type`)}
            title={t(`${d}.assetsByType`)}
            labels={park.assets.byType.map((row) => typeLabel(row.itemtype))}
            series={[{ label: t(`${d}.count`), data: park.assets.byType.map((row) => row.count) }]}
          />
          <PortalChart
            id="assets-state"
            kind="bar"
            heading={t(`${d}.type`)}
            title={t(`${d}.assetsByState`)}
            labels={types.map(typeLabel)}
            series={states.map((state) => ({
              label: nameOr(state),
              data: types.map((type) => park.assets.byTypeAndState.find((row) => row.itemtype === type && row.state === state)?.count ?? 0),
            }))}
          />
          <PortalChart
            id="computers-os"
            kind="doughnut"
            heading={t('clientPortal.park.columns.operatingSystem')}
            title={t(`${d}.computersByOs`)}
            labels={park.computers.byOperatingSystem.map((row) => nameOr(row.name))}
            series={[{ label: t(`${d}.count`), data: park.computers.byOperatingSystem.map((row) => row.count) }]}
          />
          <PortalChart
            id="computers-maker"
            kind="hbar"
            heading={t('clientPortal.park.columns.manufacturer')}
            title={t(`${d}.computersByManufacturer`)}
            labels={park.computers.byManufacturer.map((row) => nameOr(row.name))}
            series={[{ label: t(`${d}.count`), data: park.computers.byManufacturer.map((row) => row.count) }]}
          />
        </div>
        <div className="two-columns">
          <DueList
            id="warranties"
            title={`${t(`${d}.warranties`)} (${park.warranties.endingWithin90Days})`}
            items={park.warranties.items}
            typeLabel={typeLabel}
            typeSlugs={typeSlugs}
            locale={locale}
          />
          <div>
            <DueList
              id="licences"
              title={t(`${d}.licences`)}
              items={park.licences.items}
              typeLabel={typeLabel}
              typeSlugs={typeSlugs}
              locale={locale}
            />
            <p className="muted small">
              {t(`${d}.licencesSummary`, {
                soon: park.licences.expiringWithin90Days,
                expired: park.licences.expired,
                total: park.licences.total,
              })}
            </p>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="support-title" data-testid="card-support">
        <h2 id="support-title">{t(`${d}.support`)}</h2>
        <SyncedAt at={syncedAt.tickets} locale={locale} />
        <p>
          {t(`${d}.openTickets`, { count: formatNumber(support.open, locale), total: formatNumber(support.total, locale) })} ·{' '}
          {t(`${d}.meanTimeToSolve`)} :{' '}
          <strong data-testid="mean-time-to-solve">
            {support.meanTimeToSolveHours === null ? '—' : t(`${d}.hours`, { hours: formatHours(support.meanTimeToSolveHours, locale) })}
          </strong>
        </p>
        <div className="portal-chart-grid">
          <PortalChart
            id="tickets-status"
            kind="doughnut"
            heading={t(`${d}.state`)}
            title={t(`${d}.ticketsByStatus`)}
            labels={support.byStatus.map((row) => t(`clientPortal.tickets.statuses.${row.status}`))}
            series={[{ label: t(`${d}.count`), data: support.byStatus.map((row) => row.count) }]}
          />
          <PortalChart
            id="tickets-urgency"
            kind="bar"
            heading={t('clientPortal.tickets.urgency')}
            title={t(`${d}.ticketsByUrgency`)}
            labels={support.byUrgency.map((row) => t(`clientPortal.tickets.urgencies.${row.urgency}`))}
            series={[{ label: t(`${d}.count`), data: support.byUrgency.map((row) => row.count) }]}
          />
        </div>
        <PortalChart
          id="tickets-months"
          kind="line"
          heading={t(`${d}.month`)}
          title={t(`${d}.openedVsSolved`)}
          labels={support.perMonth.map((row) => formatMonth(row.month, locale))}
          series={[
            { label: t(`${d}.opened`), data: support.perMonth.map((row) => row.opened) },
            { label: t(`${d}.solved`), data: support.perMonth.map((row) => row.solved) },
          ]}
        />
      </section>

      <section className="card" aria-labelledby="satisfaction-title" data-testid="card-satisfaction">
        <h2 id="satisfaction-title">{t('satisfaction.chartTitle')}</h2>
        {dashboard.satisfaction.every((row) => row.answers === 0) ? (
          <p className="muted">{t('satisfaction.chartEmpty')}</p>
        ) : (
          <PortalChart
            id="satisfaction-months"
            kind="bar"
            max={5}
            heading={t(`${d}.month`)}
            title={t('satisfaction.chartTitle')}
            labels={dashboard.satisfaction.map((row) => formatMonth(row.month, locale))}
            series={[
              { label: t('satisfaction.chartAverage'), data: dashboard.satisfaction.map((row) => row.average ?? 0) },
              { label: t('satisfaction.chartAnswers'), data: dashboard.satisfaction.map((row) => row.answers) },
            ]}
          />
        )}
      </section>
    </div>
  );
}

type DueItem = { itemtype: string; glpiId: number; name: string | null; date: string };

function DueList({
  id,
  title,
  items,
  typeLabel,
  typeSlugs,
  locale,
}: {
  id: string;
  title: string;
  items: DueItem[];
  typeLabel: (itemtype: string) => string;
  typeSlugs: Record<string, string | null>;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const d = 'clientPortal.dashboard';
  return (
    <div className="table-scroll">
      <table className="table" aria-labelledby={`${id}-caption`}>
        <caption id={`${id}-caption`}>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${d}.item`)}</th>
            <th scope="col">{t(`${d}.type`)}</th>
            <th scope="col">{t(`${d}.date`)}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                {t('clientPortal.none')}
              </td>
            </tr>
          ) : (
            items.map((item) => (
              <tr key={`${item.itemtype}-${item.glpiId}`}>
                <td>
                  {typeSlugs[item.itemtype] ? (
                    <a href={`/portal/park/${typeSlugs[item.itemtype]}/${item.glpiId}`}>{item.name ?? item.glpiId}</a>
                  ) : (
                    item.name
                  )}
                </td>
                <td>{typeLabel(item.itemtype)}</td>
                <td>{formatDay(item.date, locale)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
