import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
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
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const state = params.get('subscription') ?? '';
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? 'name_asc';
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    const query = next.toString();
    return query ? `?${query}` : '.';
  };
  return (
    <>
      <h1>{t('boClients.title')}</h1>
      <p className="muted">{t('boClients.lead')}</p>
      <nav aria-label={t('boClients.filterLabel')}>
        <ul className="pill-list bo-chips">
          <li>
            <Link to={hrefWith({ subscription: null })} aria-current={state === '' ? 'page' : undefined}>
              {t('boClients.all')} <span className="bo-chips__count">{list.countAll}</span>
            </Link>
          </li>
          {states.map((s) => (
            <li key={s}>
              <Link to={hrefWith({ subscription: s })} aria-current={state === s ? 'page' : undefined}>
                {t(`boClients.state.${s}`)} <span className="bo-chips__count">{list.counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="search-form" role="search">
        {state ? <input type="hidden" name="subscription" value={state} /> : null}
        <label htmlFor="bo-companies-q">{t('boClients.search')}</label>
        <input id="bo-companies-q" name="q" type="search" defaultValue={q} maxLength={100} />
        <label htmlFor="bo-companies-sort">{t('boClients.sort')}</label>
        <select id="bo-companies-sort" name="sort" defaultValue={sort} className="bo-select">
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`boClients.sorts.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t('boClients.searchSubmit')}
        </button>
      </Form>
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
