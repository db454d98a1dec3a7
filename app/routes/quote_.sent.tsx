import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { signedInPage } from '~/utils/page-access.server';
import { formatDa } from '../../shared/format';
import { titled } from '~/utils/page-title';

export const meta = titled('quoteSent');

/** The confirmation after a quote request (URL /quote/sent, outside the wizard's layout). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await signedInPage(request, context);
  const id = Number(new URL(request.url).searchParams.get('id'));
  const quote = (await api.quotes.mine()).find((q) => q.id === id);
  if (!quote) throw new Response('Not found', { status: 404 });
  return data({ quote, locale: ctx.locale }, { headers });
}

export default function QuoteSent() {
  const { quote, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <h1>{t('quote.sentTitle')}</h1>
      <div className="alert alert--success" role="status">
        {t('quote.sentLead', { reference: quote.reference })}
      </div>
      <dl className="quote-review">
        <div className="quote-review__row">
          <dt>{t('quote.service')}</dt>
          <dd>{locale === 'en' ? quote.serviceNameEn : quote.serviceNameFr}</dd>
        </div>
        <div className="quote-review__row">
          <dt>{t('quote.durationMonths')}</dt>
          <dd>{t('quote.months', { count: quote.durationMonths })}</dd>
        </div>
        <div className="quote-review__row">
          <dt>{t('quote.estimateTitle')}</dt>
          <dd>
            {quote.estimatedMonthlyPriceDa === null
              ? t('quote.estimateCustom')
              : t('quote.estimateAmount', { price: formatDa(quote.estimatedMonthlyPriceDa, locale) })}
          </dd>
        </div>
      </dl>
      <p>{t('quote.sentNext')}</p>
      <Link to="/portal" className="button">
        {t('quote.toPortal')}
      </Link>
    </section>
  );
}
