import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { Pager } from '~/components/pager';
import { listQuoteRequestsInput, quoteSorts, quoteStatuses } from '~/utils/backoffice-quotes.server';
import { staffPage } from '~/utils/page-access.server';
import { formatDa, formatDateTime } from '../../shared/format';
import { titled } from '~/utils/page-title';

export const meta = titled('quotes');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const params = new URL(request.url).searchParams;
  // A hand-edited query string falls back to the defaults rather than failing the page.
  const parsed = listQuoteRequestsInput.safeParse({
    status: params.get('status') || undefined,
    search: params.get('q') || undefined,
    sort: params.get('sort') || undefined,
    page: Number(params.get('page')) || undefined,
  });
  const list = await api.quotes.list(parsed.success ? parsed.data : {});
  return data({ list, statuses: quoteStatuses, sorts: quoteSorts, locale: ctx.locale }, { headers });
}

export default function BackofficeQuotes() {
  const { list, statuses, sorts, locale } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? 'date_desc';
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
      <h1>{t('boQuotes.title')}</h1>
      <nav aria-label={t('boQuotes.filterLabel')}>
        <ul className="pill-list bo-chips">
          <li>
            <Link to={hrefWith({ status: null })} aria-current={status === '' ? 'page' : undefined}>
              {t('boQuotes.all')} <span className="bo-chips__count">{list.countAll}</span>
            </Link>
          </li>
          {statuses.map((s) => (
            <li key={s}>
              <Link to={hrefWith({ status: s })} aria-current={status === s ? 'page' : undefined}>
                {t(`boQuotes.status.${s}`)} <span className="bo-chips__count">{list.counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="search-form" role="search">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <label htmlFor="bo-quotes-q">{t('boQuotes.search')}</label>
        <input id="bo-quotes-q" name="q" type="search" defaultValue={q} />
        <label htmlFor="bo-quotes-sort" className="sales-visually-hidden">
          {t('boQuotes.sort')}
        </label>
        <select id="bo-quotes-sort" name="sort" defaultValue={sort} className="bo-select">
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`boQuotes.sorts.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t('boQuotes.searchSubmit')}
        </button>
      </Form>
      {list.items.length === 0 ? (
        <p className="muted">{t('boQuotes.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('boQuotes.caption', { total: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('boQuotes.columns.reference')}</th>
                <th scope="col">{t('boQuotes.columns.date')}</th>
                <th scope="col">{t('boQuotes.columns.company')}</th>
                <th scope="col">{t('boQuotes.columns.service')}</th>
                <th scope="col">{t('boQuotes.columns.duration')}</th>
                <th scope="col" className="num">
                  {t('boQuotes.columns.estimate')}
                </th>
                <th scope="col">{t('boQuotes.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/backoffice/quotes/${item.id}`}>{item.reference}</Link>
                  </th>
                  <td>{formatDateTime(item.createdAt, locale)}</td>
                  <td>{item.companyName}</td>
                  <td>{locale === 'en' ? item.serviceNameEn : item.serviceNameFr}</td>
                  <td>{t('quote.months', { count: item.durationMonths })}</td>
                  <td className="num">
                    {item.estimatedMonthlyPriceDa === null ? t('boQuotes.onQuote') : formatDa(item.estimatedMonthlyPriceDa, locale)}
                  </td>
                  <td>
                    <span className={`quote-status quote-status--${item.status}`}>{t(`boQuotes.status.${item.status}`)}</span>
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
