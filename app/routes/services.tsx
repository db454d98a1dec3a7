import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { serverApi } from '~/trpc.server';
import { formatDa } from '../../shared/format';
import { pickLocalized } from '../../shared/i18n/locales';
import { titled } from '~/utils/page-title';

export const meta = titled('services');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx } = await serverApi(request, context);
  const [services, paymentMethods] = await Promise.all([api.catalog.services(), api.catalog.paymentMethods()]);
  return { services, paymentMethods, locale: ctx.locale };
}

export default function Services() {
  const { services, paymentMethods, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('services.title')}</h1>
      <div className="cards">
        {services.map((s) => (
          <article className="card service" key={s.code} aria-labelledby={`service-${s.code}`}>
            <h2 id={`service-${s.code}`}>{pickLocalized(locale, { fr: s.nameFr, en: s.nameEn, ar: s.nameAr })}</h2>
            <p className="muted">{t(`services.pricedBy_${s.pricedBy}`)}</p>
            <h3>{t('services.included')}</h3>
            <ul>
              {pickLocalized(locale, { fr: s.scopeFr, en: s.scopeEn, ar: s.scopeAr }).map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <table className="table">
              <caption>{t('services.tiers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('services.tierColumn')}</th>
                  <th scope="col" className="num">
                    {t('services.priceColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.tiers.map((tier) => (
                  <tr key={tier.min}>
                    <td>{t('services.range', { min: tier.min, max: tier.max })}</td>
                    <td className="num">{formatDa(tier.monthlyPriceDa, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t('services.aboveTop')}</p>
          </article>
        ))}
      </div>
      <section aria-labelledby="payment-title">
        <h2 id="payment-title">{t('services.paymentMethods')}</h2>
        <ul className="pill-list">
          {paymentMethods.map((m) => (
            <li key={m.code}>{pickLocalized(locale, { fr: m.nameFr, en: m.nameEn, ar: m.nameAr })}</li>
          ))}
        </ul>
      </section>
      <p>
        <Link className="button button--large" to="/quote">
          {t('home.cta')}
        </Link>
      </p>
    </>
  );
}
