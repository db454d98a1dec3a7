import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { ClientHomeBilling } from '~/components/billing/client-home-billing';
import { SubscriptionChanges } from '~/components/billing/subscription-changes';
import { FormAlert } from '~/components/form-alert';
import { formFailure, formValues } from '~/trpc.server';
import { clientPage } from '~/utils/page-access.server';
import { runSubscriptionIntent } from '~/utils/subscription-actions.server';
import { formatDateTime } from '../../shared/format';
import { titled } from '~/utils/page-title';

export const meta = titled('portal');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await clientPage(request, context);
  const [notifications, status, home] = await Promise.all([
    api.notifications.page({ pageSize: 20 }),
    ctx.user.companyId ? api.portal.status() : Promise.resolve({ superClient: false }),
    // Documents are the manager's and billing's; a member's home is their tickets.
    ctx.user.companyId && ctx.user.companyRole !== 'member' ? api.documents.home() : Promise.resolve(null),
  ]);
  const companyRole = ctx.user.companyRole ?? 'manager';
  return data({ name: ctx.user.firstName, notifications, status, home, companyRole, locale: ctx.locale }, { headers });
}

/** The subscription forms of the home (tier change, automatic renewal, cancellation at term). */
export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, ctx, headers } = await clientPage(request, context);
  try {
    return data({ ok: true as const, ...(await runSubscriptionIntent(api, values, 'client', ctx.locale)) }, { headers });
  } catch (error) {
    return data(formFailure(error, values), { headers });
  }
}

export default function PortalHome() {
  const { name, notifications, status, home, companyRole, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('portal.welcome', { name })}</h1>
      {status.superClient && companyRole !== 'billing' ? (
        <p className="portal-shortcuts">
          <Link className="button" to={companyRole === 'manager' ? '/portal/dashboard' : '/portal/tickets'}>
            {companyRole === 'manager' ? t('nav.dashboard') : t('nav.tickets')}
          </Link>{' '}
          <Link className="button button--ghost" to="/portal/tickets/new">
            {t('portalHome.newTicket')}
          </Link>
        </p>
      ) : null}
      {result?.ok ? <FormAlert tone="success" message={result.message} params={result.params} /> : null}
      {home ? (
        <>
          <ClientHomeBilling home={home} locale={locale} />
          {home.subscription ? (
            <SubscriptionChanges
              subscription={home.subscription}
              locale={locale}
              failure={result && !result.ok ? result : undefined}
              busy={busy}
            />
          ) : null}
        </>
      ) : (
        <section className="card" aria-labelledby="subscription-title">
          <h2 id="subscription-title">{t('portal.title')}</h2>
          {status.superClient ? (
            <p>{t('portal.activeSubscription')}</p>
          ) : (
            <>
              <p>{t('portal.noSubscription')}</p>
              {companyRole === 'manager' ? <p>{t('portal.nextStep')}</p> : null}
              {companyRole === 'manager' ? (
                <p>
                  <Link className="button" to="/quote" data-testid="home-request-quote">
                    {t('home.cta')}
                  </Link>
                </p>
              ) : null}
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
                <span>
                  {n.link ? <Link to={n.link}>{t(`notifications.${n.kind}`, n.params)}</Link> : t(`notifications.${n.kind}`, n.params)}
                </span>
                <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
