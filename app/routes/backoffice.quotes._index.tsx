import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ListToolbar } from '~/components/list-toolbar';
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
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('boQuotes.title')}</h1>
      <ListToolbar
        id="bo-quotes"
        filter={{
          param: 'status',
          label: t('boQuotes.filterLabel'),
          all: { value: '', label: t('boQuotes.all'), count: list.countAll },
          choices: statuses.map((s) => ({ value: s, label: t(`boQuotes.status.${s}`), count: list.counts[s] })),
        }}
        search={{ label: t('boQuotes.search') }}
        sort={{
          label: t('boQuotes.sort'),
          labelHidden: true,
          defaultValue: 'date_desc',
          choices: sorts.map((s) => ({ value: s, label: t(`boQuotes.sorts.${s}`) })),
        }}
        submit={t('boQuotes.searchSubmit')}
      />
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
