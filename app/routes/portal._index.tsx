import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ClientHomeBilling } from '~/components/billing/client-home-billing';
import { requireUser, serverApi } from '~/trpc.server';
import { formatDateTime } from '~/utils/format';

export const meta: MetaFunction = () => [{ title: 'Mon espace — Y-tech' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await serverApi(request);
  requireUser(ctx, request);
  if (ctx.user.role !== 'client') throw redirect('/backoffice');
  const [notifications, status, home] = await Promise.all([
    api.notifications.list(),
    ctx.user.companyId ? api.portal.status() : Promise.resolve({ superClient: false }),
    ctx.user.companyId ? api.documents.home() : Promise.resolve(null),
  ]);
  return data({ name: ctx.user.firstName, notifications, status, home, locale: ctx.locale }, { headers });
}

export default function PortalHome() {
  const { name, notifications, status, home, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('portal.welcome', { name })}</h1>
      {status.superClient ? (
        <p className="portal-shortcuts">
          <Link className="button" to="/portal/dashboard">
            {t('nav.dashboard')}
          </Link>{' '}
          <Link className="button button--ghost" to="/portal/tickets/new">
            {t('portalHome.newTicket')}
          </Link>
        </p>
      ) : null}
      {home ? (
        <ClientHomeBilling home={home} locale={locale} />
      ) : (
        <section className="card" aria-labelledby="subscription-title">
          <h2 id="subscription-title">{t('portal.title')}</h2>
          {status.superClient ? (
            <p>{t('portal.activeSubscription')}</p>
          ) : (
            <>
              <p>{t('portal.noSubscription')}</p>
              <p>{t('portal.nextStep')}</p>
            </>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="notifications-title">
        <h2 id="notifications-title">
          {t('portal.notifications')} {notifications.unread ? <span className="badge">{notifications.unread}</span> : null}
        </h2>
        {notifications.items.length === 0 ? (
          <p>{t('portal.noNotifications')}</p>
        ) : (
          <ul className="list">
            {notifications.items.map((n) => (
              <li key={n.id} className={n.readAt ? '' : 'unread'}>
                <span>{n.link ? <Link to={n.link}>{t(`notifications.${n.kind}`, n.params)}</Link> : t(`notifications.${n.kind}`, n.params)}</span>
                <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
