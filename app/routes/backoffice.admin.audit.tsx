import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { Pager } from '~/components/pager';
import { formatDateTime } from '../../shared/format';
import { pageParam } from '~/utils/admin.server';
import { adminPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';

export const meta = titled('adminAudit');

const isDay = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  const url = new URL(request.url);
  const q = (name: string, max: number) => url.searchParams.get(name)?.trim().slice(0, max) || undefined;
  const filters = {
    person: q('person', 100),
    recordType: q('recordType', 40),
    recordId: q('recordId', 40),
    from: isDay(q('from', 10)),
    to: isDay(q('to', 10)),
  };
  const result = await api.admin.audit.search({ ...filters, page: pageParam(url) });
  return data({ result, filters, locale: ctx.locale }, { headers });
}

export default function AuditLog() {
  const { result, filters, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <Form method="get" role="search" className="form-row admin-filters">
        <div className="field">
          <label htmlFor="a-person">{t('admin.audit.person')}</label>
          <input id="a-person" name="person" defaultValue={filters.person ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="a-type">{t('admin.audit.recordType')}</label>
          <input id="a-type" name="recordType" defaultValue={filters.recordType ?? ''} placeholder="invoice, user, faq…" />
        </div>
        <div className="field">
          <label htmlFor="a-id">{t('admin.audit.recordId')}</label>
          <input id="a-id" name="recordId" defaultValue={filters.recordId ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="a-from">{t('admin.from')}</label>
          <input id="a-from" type="date" name="from" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t('admin.to')}</label>
          <input id="a-to" type="date" name="to" defaultValue={filters.to ?? ''} />
        </div>
        <div className="field admin-inline-form__submit">
          <button type="submit" className="button">
            {t('admin.filter')}
          </button>
        </div>
      </Form>
      <p className="muted">{t('admin.audit.total', { count: result.total })}</p>
      <table className="table">
        <caption>{t('admin.audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.when')}</th>
            <th scope="col">{t('admin.audit.who')}</th>
            <th scope="col">{t('admin.audit.action')}</th>
            <th scope="col">{t('admin.audit.record')}</th>
            <th scope="col">{t('admin.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {result.entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.createdAt, locale)}</td>
              <th scope="row">
                {e.actor ? (
                  <>
                    {e.actor.name} {e.actor.active ? null : <span className="muted">{t('admin.audit.deactivatedPerson')}</span>}
                    <div className="muted small">{e.actor.email}</div>
                  </>
                ) : (
                  t('admin.audit.system')
                )}
              </th>
              <td>{e.action}</td>
              <td>
                {e.recordType}
                {e.recordId ? ` #${e.recordId}` : ''}
              </td>
              <td className="admin-code small">{e.details ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={result.page} pageCount={Math.ceil(result.total / result.pageSize)} />
    </>
  );
}
