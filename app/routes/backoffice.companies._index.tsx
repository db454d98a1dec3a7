import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ListToolbar } from '~/components/list-toolbar';
import { Pager } from '~/components/pager';
import { companyListFilters, listCompaniesInput } from '~/utils/backoffice-companies.server';
import { staffPage } from '~/utils/page-access.server';
import { formatDate } from '~/utils/billing-format';
import { formatDateTime, formatNumber, formatPercent } from '../../shared/format';
import { titled } from '~/utils/page-title';

export const meta = titled('companies');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const params = new URL(request.url).searchParams;
  // A hand-edited query string falls back to the defaults rather than failing the page.
  const parsed = listCompaniesInput.safeParse({
    search: params.get('q') || undefined,
    subscription: params.get('subscription') || undefined,
    sort: params.get('sort') || undefined,
    page: Number(params.get('page')) || undefined,
  });
  const list = await api.backoffice.companies.list(parsed.success ? parsed.data : {});
  return data({ list, ...companyListFilters, locale: ctx.locale }, { headers });
}

export default function BackofficeCompanies() {
  const { list, states, sorts, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('boClients.title')}</h1>
      <p className="muted">{t('boClients.lead')}</p>
      <ListToolbar
        id="bo-companies"
        filter={{
          param: 'subscription',
          label: t('boClients.filterLabel'),
          all: { value: '', label: t('boClients.all'), count: list.countAll },
          choices: states.map((s) => ({ value: s, label: t(`boClients.state.${s}`), count: list.counts[s] })),
        }}
        search={{ label: t('boClients.search'), maxLength: 100 }}
        sort={{
          label: t('boClients.sort'),
          defaultValue: 'name_asc',
          choices: sorts.map((s) => ({ value: s, label: t(`boClients.sorts.${s}`) })),
        }}
        submit={t('boClients.searchSubmit')}
      />
      {list.items.length === 0 ? (
        <p className="muted">{t('boClients.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('boClients.caption', { total: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('boClients.columns.company')}</th>
                <th scope="col">{t('boClients.columns.subscription')}</th>
                <th scope="col">{t('boClients.columns.plan')}</th>
                <th scope="col">{t('boClients.columns.glpi')}</th>
                <th scope="col">{t('boClients.columns.sync')}</th>
                <th scope="col">{t('boClients.columns.quota')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id} data-testid={`company-${c.id}`}>
                  <th scope="row">
                    <Link to={`/backoffice/companies/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>
                    <span className={`bo-state bo-state--${c.subscriptionState}`}>{t(`boClients.state.${c.subscriptionState}`)}</span>
                  </td>
                  <td>
                    {c.plans.map((p, index) => (
                      <div key={index}>
                        {t('boClients.plan', { service: locale === 'en' ? p.serviceNameEn : p.serviceNameFr, tier: p.tierMaxQty })}
                        <div className="muted small">
                          {c.subscriptionState === 'upcoming'
                            ? t('boClients.from', { date: formatDate(p.startAt, locale) })
                            : c.subscriptionState === 'ended'
                              ? t('boClients.endedOn', { date: formatDate(p.endAt, locale) })
                              : t('boClients.until', { date: formatDate(p.endAt, locale) })}
                        </div>
                      </div>
                    ))}
                  </td>
                  <td>
                    {c.glpi.entityId === null ? (
                      <span className="muted">{t('boClients.noGlpi')}</span>
                    ) : (
                      t('boClients.glpiEntity', { id: c.glpi.entityId })
                    )}
                    <div className="small">
                      <Link to={`/backoffice/companies/${c.id}/glpi`}>{t(`boClients.provisioning.${c.glpi.provisioningState}`)}</Link>
                    </div>
                  </td>
                  <td>
                    {c.sync.pairs === 0 ? (
                      <span className="muted">{t('boClients.noSync')}</span>
                    ) : c.sync.lastSyncAt ? (
                      formatDateTime(c.sync.lastSyncAt, locale)
                    ) : (
                      t('boClients.neverSynced')
                    )}
                  </td>
                  <td>
                    {c.quota.map((line) => (
                      <div key={line.kind} className={line.percent >= 100 ? 'bo-quota bo-quota--over' : 'bo-quota'}>
                        {t('boClients.quotaLine', {
                          kind: t(`boClients.quotaKinds.${line.kind}`),
                          used: formatNumber(line.used, locale),
                          allowed: formatNumber(line.allowed, locale),
                          percent: formatPercent(line.percent, locale),
                        })}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={list.page} pageCount={list.pageCount} />
    </>
  );
}
