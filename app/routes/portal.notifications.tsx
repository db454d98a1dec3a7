import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { useTranslation } from '~/i18n/use-translation';
import { Pager } from '~/components/pager';
import { formatPortalDate } from '~/components/portal/format-date';
import { signedInPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';

export const meta = titled('notifications');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await signedInPage(request, context);
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .parse(new URL(request.url).searchParams.get('page') ?? 1);
  const notifications = await api.notifications.page({ page });
  return data({ notifications, page, locale: ctx.locale }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api, headers } = await signedInPage(request, context);
  const form = await request.formData();
  const id = Number(form.get('id'));
  await api.notifications.markRead({ ids: form.get('intent') === 'all' ? 'all' : Number.isInteger(id) && id > 0 ? [id] : [] });
  // Opening a notification marks it read and follows its link.
  const to = String(form.get('to') ?? '');
  throw redirect(to.startsWith('/') && !to.startsWith('//') ? to : new URL(request.url).pathname + new URL(request.url).search, {
    headers,
  });
}

export default function NotificationsCentre() {
  const { notifications, page, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const k = 'clientPortal.notifications';
  return (
    <>
      <div className="portal-heading">
        <h1>
          {t(`${k}.title`)}{' '}
          {notifications.unread ? (
            <span className="badge" data-testid="notifications-unread">
              {notifications.unread}
            </span>
          ) : null}
        </h1>
        {notifications.unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="all" />
            <button type="submit" className="button button--ghost">
              {t(`${k}.markAllRead`)}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.items.length === 0 ? (
        <p className="muted">{t(`${k}.empty`)}</p>
      ) : (
        <ul className="list portal-notifications" data-testid="notification-list">
          {notifications.items.map((n) => (
            <li key={n.id} className={n.readAt ? 'portal-notification' : 'portal-notification unread'}>
              <div>
                {n.readAt ? null : <span className="portal-visually-hidden">{t(`${k}.unread`)} : </span>}
                <span>{t(`notifications.${n.kind}`, n.params as Record<string, string>)}</span>{' '}
                <time className="muted small" dateTime={new Date(n.createdAt).toISOString()}>
                  {formatPortalDate(n.createdAt, locale)}
                </time>
              </div>
              <div className="portal-notification__actions">
                {n.link ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name="to" value={n.link} />
                    <button type="submit" className="button button--small button--ghost">
                      {t(`${k}.open`)}
                    </button>
                  </Form>
                ) : null}
                {n.readAt ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="button button--small">
                      {t(`${k}.markRead`)}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageCount={notifications.pageCount} />
      <p>
        <Link to="/portal">{t('portal.title')}</Link>
      </p>
    </>
  );
}
