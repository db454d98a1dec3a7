import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser, serverApi } from '~/trpc.server';
import { formatDateTime } from '~/utils/format';

export const meta: MetaFunction = () => [{ title: 'Back-office — Y-tech' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await serverApi(request);
  requireUser(ctx, request);
  if (ctx.user.role === 'client') throw redirect('/portal');
  // The oldest first: whoever asked first is called first.
  const toCall = await api.quotes.list({ status: 'new', sort: 'date_asc', pageSize: 10 });
  return data({ name: ctx.user.firstName, role: ctx.user.role, toCall, locale: ctx.locale }, { headers });
}

export default function BackofficeHome() {
  const { name, toCall, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('backoffice.title')}</h1>
      <p>{t('backoffice.welcome', { name })}</p>
      <section className="card" aria-labelledby="bo-to-call">
        <h2 id="bo-to-call">
          {t('boQuotes.toCallTitle')} <span className="badge">{toCall.total}</span>
        </h2>
        {toCall.items.length === 0 ? (
          <p className="muted">{t('boQuotes.toCallEmpty')}</p>
        ) : (
          <ul className="list">
            {toCall.items.map((q) => (
              <li key={q.id}>
                <span>
                  <Link to={`/backoffice/quotes/${q.id}`}>{q.reference}</Link> — {q.companyName} ·{' '}
                  {locale === 'en' ? q.serviceNameEn : q.serviceNameFr}
                  {q.companyPhone ? (
                    <>
                      {' '}
                      · <a href={`tel:${q.companyPhone}`}>{q.companyPhone}</a>
                    </>
                  ) : null}
                </span>
                <time dateTime={new Date(q.createdAt).toISOString()}>{formatDateTime(q.createdAt, locale)}</time>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/backoffice/quotes" className="button">
            {t('boQuotes.seeAll')}
          </Link>
        </p>
      </section>
    </>
  );
}
