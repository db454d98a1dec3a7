import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { AdminNotice } from '~/components/admin/admin-notice';
import { Pager } from '~/components/pager';
import { formatDateTime } from '../../shared/format';
import { done, intField, pageParam, type AdminActionResult } from '~/utils/admin.server';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { adminPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';

export const meta = titled('adminEmails');

// The states of email_log (server/db/models/email-log-entry.ts), not imported: this module reaches the browser.
const states = ['queued', 'sending', 'sent', 'uncertain', 'failed'] as const;
type State = (typeof states)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  const url = new URL(request.url);
  const q = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const state = q('state');
  const filters = {
    state: states.includes(state as State) ? (state as State) : undefined,
    recipient: q('recipient')?.slice(0, 254),
    template: q('template')?.slice(0, 60),
    from: q('from') && /^\d{4}-\d{2}-\d{2}$/.test(q('from')!) ? q('from') : undefined,
    to: q('to') && /^\d{4}-\d{2}-\d{2}$/.test(q('to')!) ? q('to') : undefined,
  };
  const log = await api.admin.emails.list({ ...filters, page: pageParam(url) });
  return data({ log, filters, locale: ctx.locale }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  let result: AdminActionResult;
  try {
    await api.admin.emails.resend({ id: intField(values.id) });
    result = done('admin.emails.resent');
  } catch (error) {
    result = formFailure(error, values);
  }
  return data(result, { headers });
}

export default function EmailLog() {
  const { log, filters, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{t('admin.emails.title')}</h1>
      <AdminNotice result={result} />
      <Form method="get" className="form-row admin-filters">
        <div className="field">
          <label htmlFor="f-state">{t('admin.emails.state')}</label>
          <select id="f-state" name="state" defaultValue={filters.state ?? ''}>
            <option value="">{t('admin.all')}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {t(`admin.emails.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-recipient">{t('admin.emails.recipient')}</label>
          <input id="f-recipient" name="recipient" defaultValue={filters.recipient ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-template">{t('admin.emails.template')}</label>
          <select id="f-template" name="template" defaultValue={filters.template ?? ''}>
            <option value="">{t('admin.all')}</option>
            {log.templates.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">{t('admin.from')}</label>
          <input id="f-from" type="date" name="from" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t('admin.to')}</label>
          <input id="f-to" type="date" name="to" defaultValue={filters.to ?? ''} />
        </div>
        <div className="field admin-inline-form__submit">
          <button type="submit" className="button">
            {t('admin.filter')}
          </button>
        </div>
      </Form>
      <p className="muted">{t('admin.emails.total', { count: log.total })}</p>
      <table className="table">
        <caption>{t('admin.emails.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.emails.createdAt')}</th>
            <th scope="col">{t('admin.emails.recipient')}</th>
            <th scope="col">{t('admin.emails.template')}</th>
            <th scope="col">{t('admin.emails.state')}</th>
            <th scope="col" className="num">
              {t('admin.emails.attempts')}
            </th>
            <th scope="col">{t('admin.emails.lastError')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {log.entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.createdAt, locale)}</td>
              <th scope="row">
                {e.recipient}
                {e.subject ? <div className="muted small">{e.subject}</div> : null}
              </th>
              <td>{e.template}</td>
              <td>
                <span className={`admin-state admin-state--${e.state}`}>{t(`admin.emails.states.${e.state}`)}</span>
              </td>
              <td className="num">{e.attempts}</td>
              <td className="admin-error-text">{e.lastError ?? ''}</td>
              <td>
                {e.state === 'queued' || e.state === 'sending' ? null : (
                  <Form method="post" className="admin-inline-form">
                    <input type="hidden" name="id" value={e.id} />
                    <button
                      type="submit"
                      className="button button--ghost"
                      disabled={busy}
                      aria-label={`${t('admin.emails.resend')} — ${e.recipient} (${e.template})`}
                    >
                      {t('admin.emails.resend')}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.entries.some((e) => e.state === 'uncertain') ? <p className="muted">{t('admin.emails.uncertainHelp')}</p> : null}
      <Pager page={log.page} pageCount={Math.ceil(log.total / log.pageSize)} />
    </>
  );
}
