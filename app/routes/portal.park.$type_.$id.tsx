import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { SyncedAt } from '~/components/portal/synced-at';
import { parkValue } from '~/components/portal/park-value';
import { formatPortalDate } from '~/components/portal/format-date';
import { superClientPage } from '~/utils/portal.server';
import { idParam } from '~/utils/route-params.server';
import { assetSlugSchema } from '../../server/portal/asset-types';
import { titled } from '~/utils/page-title';
import { ticketAssetTypes } from '../../server/glpi-outbox/outbox-payload';

export const meta = titled('asset');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const type = assetSlugSchema.safeParse(params.type);
  if (!type.success) throw new Response('Not found', { status: 404 });
  const glpiId = idParam(params.id);
  const { page, access, locale, headers } = await superClientPage(request, context, (api) =>
    api.portal.park.detail({ type: type.data, glpiId }),
  );
  return data({ asset: page, access, locale }, { headers });
}

export default function AssetDetail() {
  const { asset, access, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!asset) return <SubscriptionRequired access={access!} locale={locale} />;
  const p = 'clientPortal.park';
  return (
    <>
      <p>
        <Link to={`/portal/park/${asset.type}`}>{t(`${p}.back`)}</Link>
      </p>
      <h1>{asset.name ?? `${t(`${p}.types.${asset.type}`)} ${asset.glpiId}`}</h1>
      <SyncedAt at={asset.syncedAt} locale={locale} />
      {(ticketAssetTypes as readonly string[]).includes(asset.itemtype) ? (
        <p>
          <Link className="button" to={`/portal/tickets/new?asset=${encodeURIComponent(`${asset.itemtype}:${asset.glpiId}`)}`}>
            {t('ticketMore.openAbout')}
          </Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="fields-title">
        <h2 id="fields-title">{t(`${p}.fields`)}</h2>
        <dl className="portal-facts">
          <dt>{t(`${p}.glpiId`)}</dt>
          <dd>{asset.glpiId}</dd>
          <dt>{t('clientPortal.dashboard.type')}</dt>
          <dd>{t(`${p}.types.${asset.type}`)}</dd>
          {asset.fields.map((field) => (
            <div key={field.column} className="portal-facts__row">
              <dt>{t(`${p}.columns.${field.column}`)}</dt>
              <dd>{parkValue(field.column, field.value, locale)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="tickets-title">
        <h2 id="tickets-title">{t('ticketMore.ticketsAbout')}</h2>
        {asset.tickets.length === 0 ? (
          <p>{t('ticketMore.noTicketsAbout')}</p>
        ) : (
          <ul data-testid="asset-tickets">
            {asset.tickets.map((ticket) => (
              <li key={ticket.glpiId} data-testid="asset-ticket">
                <Link to={`/portal/tickets/${ticket.glpiId}`}>
                  #{ticket.glpiId} {ticket.name}
                </Link>
                {' — '}
                {t(`clientPortal.tickets.statuses.${ticket.status}`)}
                {ticket.openedAt ? (
                  <>
                    {' — '}
                    {formatPortalDate(ticket.openedAt, locale)}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {asset.details.length > 0 ? (
        <section className="card" aria-labelledby="more-title">
          <h2 id="more-title">{t('site.assetMore')}</h2>
          <dl className="portal-facts">
            {asset.details.map((detail) => (
              <div key={detail.key} className="portal-facts__row">
                <dt>{t(`site.assetDetails.${detail.key}`)}</dt>
                <dd className="bo-description">{detail.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
