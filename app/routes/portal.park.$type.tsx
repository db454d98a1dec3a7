import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { Pager } from '~/components/pager';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { SyncedAt } from '~/components/portal/synced-at';
import { FilterSelect } from '~/components/portal/filter-select';
import { parkValue } from '~/components/portal/park-value';
import { superClientPage } from '~/utils/portal.server';
import { assetSlugs, assetSlugSchema } from '../../server/portal/asset-types';
import { titled } from '~/utils/page-title';

export const meta = titled('park');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const type = assetSlugSchema.safeParse(params.type);
  if (!type.success) throw new Response('Not found', { status: 404 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { page, access, locale, headers } = await superClientPage(request, context, (api) =>
    api.portal.park.list({ ...query, type: type.data }),
  );
  return data({ list: page, access, locale, types: Object.keys(assetSlugs) }, { headers });
}

export default function ParkList() {
  const { list, access, locale, types } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const location = useLocation();
  if (!list) return <SubscriptionRequired access={access!} locale={locale} />;
  const p = 'clientPortal.park';
  const typeName = t(`${p}.types.${list.type}`);
  const { filter } = list;
  const sortLink = (column: string) => {
    const params = new URLSearchParams(location.search);
    const current = (filter.sort ?? 'name') === column;
    params.set('sort', column);
    params.set('dir', current && filter.dir === 'asc' ? 'desc' : 'asc');
    params.delete('page');
    return `?${params.toString()}`;
  };
  const exportParams = new URLSearchParams(location.search);
  exportParams.delete('page');
  exportParams.delete('pageSize');
  return (
    <>
      <h1>{t(`${p}.title`)}</h1>
      <nav aria-label={t(`${p}.title`)}>
        <ul className="pill-list portal-types">
          {types.map((type) => (
            <li key={type}>
              <Link to={`/portal/park/${type}`} aria-current={type === list.type ? 'page' : undefined}>
                {t(`${p}.types.${type}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SyncedAt at={list.syncedAt} locale={locale} />
      <Form method="get" className="search-form portal-filters" role="search">
        <div className="field">
          <label htmlFor="filter-q">{t(`${p}.search`)}</label>
          <input id="filter-q" type="search" name="q" defaultValue={filter.q ?? ''} placeholder={t(`${p}.searchHint`)} />
        </div>
        <FilterSelect
          name="state"
          label={t('clientPortal.dashboard.state')}
          allLabel={t(`${p}.allStates`)}
          value={filter.state}
          choices={list.states.map((state) => ({ value: state, label: state }))}
        />
        <FilterSelect
          name="location"
          label={t(`${p}.columns.location`)}
          allLabel={t(`${p}.allLocations`)}
          value={filter.location}
          choices={list.locations.map((location) => ({ value: location, label: location }))}
        />
        {filter.sort ? <input type="hidden" name="sort" value={filter.sort} /> : null}
        {filter.sort ? <input type="hidden" name="dir" value={filter.dir} /> : null}
        <button type="submit" className="button">
          {t(`${p}.filter`)}
        </button>
        <Link to={`/portal/park/${list.type}`} className="button button--ghost">
          {t(`${p}.reset`)}
        </Link>
        <a
          className="button button--ghost"
          href={`/portal/park/${list.type}.csv?${exportParams.toString()}`}
          download
          data-testid="export-csv"
        >
          {t(`${p}.export`)}
        </a>
      </Form>
      <div className="table-scroll">
        <table className="table portal-table" data-testid="asset-table">
          <caption>{t(`${p}.caption`, { type: typeName, count: list.total })}</caption>
          <thead>
            <tr>
              {list.columns.map((column) => {
                const sorted = (filter.sort ?? 'name') === column;
                return (
                  <th key={column} scope="col" aria-sort={sorted ? (filter.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <Link to={sortLink(column)} aria-label={t(`${p}.sortBy`, { column: t(`${p}.columns.${column}`) })}>
                      {t(`${p}.columns.${column}`)} {sorted ? (filter.dir === 'asc' ? '▲' : '▼') : null}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 ? (
              <tr>
                <td colSpan={list.columns.length} className="muted">
                  {t(`${p}.empty`)}
                </td>
              </tr>
            ) : (
              list.rows.map((row) => (
                <tr key={row.glpiId}>
                  {list.columns.map((column, index) => (
                    <td key={column}>
                      {index === 0 ? (
                        <Link to={`/portal/park/${list.type}/${row.glpiId}`}>
                          {parkValue(column, row.values[column], locale) || row.glpiId}
                        </Link>
                      ) : (
                        parkValue(column, row.values[column], locale)
                      )}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager page={filter.page} pageCount={list.pageCount} />
    </>
  );
}
