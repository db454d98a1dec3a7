import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { SyncedAt } from '~/components/portal/synced-at';
import { formatPortalDate } from '~/components/portal/format-date';
import { superClientPage } from '~/utils/portal.server';
import { assetSlugSchema } from '../../server/portal/asset-types';

export const meta: MetaFunction = () => [{ title: 'Équipement — Y-tech' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const type = assetSlugSchema.safeParse(params.type);
  const glpiId = Number(params.id);
  if (!type.success || !Number.isInteger(glpiId) || glpiId <= 0) throw new Response('Not found', { status: 404 });
  const { page, access, locale, headers } = await superClientPage(request, (api) => api.portal.park.detail({ type: type.data, glpiId }));
  return data({ asset: page, access, locale }, { headers });
}

export default function AssetDetail() {
  const { asset, access, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!asset) return <SubscriptionRequired access={access!} locale={locale} />;
  const p = 'clientPortal.park';
  return (
    <>
      <p><Link to={`/portal/park/${asset.type}`}>{t(`${p}.back`)}</Link></p>
      <h1>{asset.name ?? `${t(`${p}.types.${asset.type}`)} ${asset.glpiId}`}</h1>
      <SyncedAt at={asset.syncedAt} locale={locale} />
      <section className="card" aria-labelledby="fields-title">
        <h2 id="fields-title">{t(`${p}.fields`)}</h2>
        <dl className="portal-facts">
          <dt>{t(`${p}.glpiId`)}</dt><dd>{asset.glpiId}</dd>
          <dt>{t('clientPortal.dashboard.type')}</dt><dd>{t(`${p}.types.${asset.type}`)}</dd>
          {asset.fields.map((field) => (
            <div key={field.column} className="portal-facts__row">
              <dt>{t(`${p}.columns.${field.column}`)}</dt>
              <dd>{field.column === 'glpiUpdatedAt' ? formatPortalDate(String(field.value), locale) : field.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="raw-title">
        <h2 id="raw-title">{t(`${p}.rawFields`)}</h2>
        <div className="table-scroll">
          <table className="table">
            <caption className="portal-visually-hidden">{t(`${p}.rawFields`)}</caption>
            <thead><tr><th scope="col">{t(`${p}.field`)}</th><th scope="col">{t(`${p}.value`)}</th></tr></thead>
            <tbody>
              {asset.raw.map((field) => (
                <tr key={field.key}><th scope="row"><code>{field.key}</code></th><td>{field.value === null ? '' : String(field.value)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
