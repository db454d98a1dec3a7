import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { localeNames, locales, resolveLocale } from '../../shared/i18n/locales';
import { AdminNotice } from '~/components/admin/admin-notice';
import { FormField } from '~/components/form-field';
import { formatDateTime } from '../../shared/format';
import { done, intField, type AdminActionResult } from '~/utils/admin.server';
import { formFailure, formValues, parseForm, serverApi } from '~/trpc.server';
import { adminPage } from '~/utils/page-access.server';
import { employeeRoleForm } from '~/utils/form-schemas.server';
import { titled } from '~/utils/page-title';

export const meta = titled('adminEmployees');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  return data({ employees: await api.admin.employees.list(), meId: ctx.user.id, locale: ctx.locale }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const userId = intField(values.userId);
  let result: AdminActionResult;
  try {
    switch (values.intent) {
      case 'create': {
        const created = await api.admin.employees.create({
          firstName: values.firstName ?? '',
          lastName: values.lastName ?? '',
          email: values.email ?? '',
          role: parseForm(employeeRoleForm, values).role,
          locale: resolveLocale(values.locale),
        });
        result = done('admin.employees.created', { email: created.email });
        break;
      }
      case 'role':
        await api.admin.employees.changeRole({ userId, role: values.role === 'admin' ? 'admin' : 'commercial' });
        result = done('admin.employees.roleChanged');
        break;
      case 'deactivate':
        await api.admin.employees.deactivate({ userId });
        result = done('admin.employees.deactivated');
        break;
      case 'reactivate':
        await api.admin.employees.reactivate({ userId });
        result = done('admin.employees.reactivated');
        break;
      case 'resend':
        await api.admin.employees.resendInvitation({ userId });
        result = done('admin.employees.resent');
        break;
      default:
        result = done('admin.none');
    }
  } catch (error) {
    result = formFailure(error, values);
  }
  return data(result, { headers });
}

export default function Employees() {
  const { employees, meId, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok && result.values.intent === 'create' ? result : undefined;
  return (
    <>
      <h1>{t('admin.employees.title')}</h1>
      <AdminNotice result={result} />
      <table className="table">
        <caption>{t('admin.employees.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.employees.name')}</th>
            <th scope="col">{t('admin.employees.email')}</th>
            <th scope="col">{t('admin.employees.role')}</th>
            <th scope="col">{t('admin.employees.state')}</th>
            <th scope="col">{t('admin.employees.lastLogin')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {employees.map((e) => {
            const name = `${e.firstName} ${e.lastName}`;
            const self = e.id === meId;
            return (
              <tr key={e.id} data-testid={`employee-${e.email}`}>
                <th scope="row">
                  {name} {self ? <span className="muted">{t('admin.employees.you')}</span> : null}
                </th>
                <td>{e.email}</td>
                <td>{t(`admin.roles.${e.role}`)}</td>
                <td>
                  {e.active ? t('admin.employees.active') : t('admin.employees.inactive')}
                  {e.active && e.invitationPending ? <span className="muted"> — {t('admin.employees.invited')}</span> : null}
                </td>
                <td>{e.lastLoginAt ? formatDateTime(e.lastLoginAt, locale) : t('admin.employees.never')}</td>
                <td>
                  {self ? null : (
                    <div className="admin-actions">
                      <Form method="post" className="admin-inline-form">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={e.id} />
                        <label className="admin-visually-hidden" htmlFor={`role-${e.id}`}>
                          {t('admin.employees.roleFor', { name })}
                        </label>
                        <select id={`role-${e.id}`} name="role" defaultValue={e.role}>
                          <option value="commercial">{t('admin.roles.commercial')}</option>
                          <option value="admin">{t('admin.roles.admin')}</option>
                        </select>
                        <button type="submit" className="button button--ghost" disabled={busy}>
                          {t('admin.employees.changeRole')}
                        </button>
                      </Form>
                      <Form method="post" className="admin-inline-form">
                        <input type="hidden" name="intent" value={e.active ? 'deactivate' : 'reactivate'} />
                        <input type="hidden" name="userId" value={e.id} />
                        <button
                          type="submit"
                          className="button button--ghost"
                          disabled={busy}
                          aria-label={`${e.active ? t('admin.employees.deactivate') : t('admin.employees.reactivate')} — ${name}`}
                        >
                          {e.active ? t('admin.employees.deactivate') : t('admin.employees.reactivate')}
                        </button>
                      </Form>
                      {e.active && e.invitationPending ? (
                        <Form method="post" className="admin-inline-form">
                          <input type="hidden" name="intent" value="resend" />
                          <input type="hidden" name="userId" value={e.id} />
                          <button type="submit" className="button button--ghost" disabled={busy}>
                            {t('admin.employees.resend')}
                          </button>
                        </Form>
                      ) : null}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <section className="card" aria-labelledby="create-employee">
        <h2 id="create-employee">{t('admin.employees.create')}</h2>
        <p className="muted">{t('admin.employees.createLead')}</p>
        <Form method="post" noValidate className="form">
          <input type="hidden" name="intent" value="create" />
          <div className="form-row">
            <FormField
              name="firstName"
              label={t('admin.employees.firstName')}
              required
              defaultValue={failed?.values.firstName}
              error={failed?.fieldErrors.firstName}
            />
            <FormField
              name="lastName"
              label={t('admin.employees.lastName')}
              required
              defaultValue={failed?.values.lastName}
              error={failed?.fieldErrors.lastName}
            />
          </div>
          <FormField
            name="email"
            type="email"
            label={t('admin.employees.email')}
            required
            defaultValue={failed?.values.email}
            error={failed?.fieldErrors.email}
          />
          <div className="form-row">
            <div className="field">
              <label htmlFor="employee-role">{t('admin.employees.role')}</label>
              <select id="employee-role" name="role" defaultValue={failed?.values.role ?? 'commercial'}>
                <option value="commercial">{t('admin.roles.commercial')}</option>
                <option value="admin">{t('admin.roles.admin')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="employee-locale">{t('admin.employees.locale')}</label>
              <select id="employee-locale" name="locale" defaultValue={failed?.values.locale ?? 'fr'}>
                {locales.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {localeNames[l]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('admin.employees.submit')}
          </button>
        </Form>
      </section>
    </>
  );
}
