import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { orNotFound, staffPage } from '~/utils/page-access.server';
import { formatDateTime } from '../../shared/format';
import { idParam } from '~/utils/route-params.server';
import { titled } from '~/utils/page-title';

export const meta = titled('companyGlpi');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const glpi = await orNotFound(api.glpi.provisioningState({ companyId: idParam(params.id) }));
  return data({ glpi, locale: ctx.locale }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const companyId = idParam(params.id);
  try {
    if (values.intent === 'link') {
      // The procedure's zod input coerces and checks the number; a bad value comes back as a field error.
      await api.glpi.linkEntity({ companyId, entityId: Number(values.entityId?.trim() || Number.NaN) });
      return data({ ok: true as const, message: 'glpiAdmin.linkRequested' }, { headers });
    }
    await api.glpi.retryProvisioning({ companyId });
    return data({ ok: true as const, message: 'glpiAdmin.retried' }, { headers });
  } catch (error) {
    return data(formFailure(error, values), { headers });
  }
}

export default function BackofficeCompanyGlpi() {
  const { glpi, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : null;
  return (
    <>
      <p>
        <Link to="/backoffice">← {t('glpiAdmin.back')}</Link>
      </p>
      <h1>{t('glpiAdmin.title', { company: glpi.company.name })}</h1>
      <p className="muted">{t('glpiAdmin.lead')}</p>
      {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
      <FormAlert message={failure?.formError} params={failure?.params} />
      {glpi.linkLost ? (
        <section className="card admin-alert" role="alert" aria-labelledby="glpi-link-lost" data-testid="glpi-link-lost">
          <h2 id="glpi-link-lost">{t('glpiAccount.linkLostTitle')}</h2>
          <p>{t('glpiAccount.linkLost')}</p>
          <p className="admin-error-text">{glpi.linkLost.problem}</p>
          <p className="muted small">{t('glpiAccount.linkLostSince', { date: formatDateTime(glpi.linkLost.since, locale) })}</p>
          <p>{t('glpiAccount.linkLostWhatToDo')}</p>
        </section>
      ) : null}
      <div className="two-columns">
        <section className="card" aria-labelledby="glpi-status">
          <h2 id="glpi-status">{t('glpiAdmin.statusTitle')}</h2>
          <dl className="admin-facts">
            <dt>{t('glpiAdmin.stateLabel')}</dt>
            <dd>
              <span className={`glpi-state glpi-state--${glpi.state}`}>{t(`glpiAdmin.state.${glpi.state}`)}</span>
            </dd>
            {glpi.state === 'failed' && glpi.lastError ? (
              <>
                <dt>{t('glpiAdmin.reason')}</dt>
                <dd className="admin-error-text">{glpi.lastError}</dd>
              </>
            ) : null}
            <dt>{t('glpiAdmin.entity')}</dt>
            <dd>
              {glpi.entityId === null
                ? t('glpiAdmin.noEntity')
                : t('glpiAdmin.entityValue', { name: glpi.entityName ?? '', id: glpi.entityId })}
            </dd>
            {glpi.provisionedAt ? (
              <>
                <dt>{t('glpiAdmin.provisionedAt')}</dt>
                <dd>{formatDateTime(glpi.provisionedAt, locale)}</dd>
              </>
            ) : null}
            {glpi.updatedAt ? (
              <>
                <dt>{t('glpiAdmin.updatedAt')}</dt>
                <dd>{formatDateTime(glpi.updatedAt, locale)}</dd>
              </>
            ) : null}
          </dl>
          <Form method="post" className="glpi-actions">
            <input type="hidden" name="intent" value="retry" />
            <button type="submit" className="button" disabled={busy}>
              {t('glpiAdmin.retry')}
            </button>
          </Form>
        </section>
        <section className="card" aria-labelledby="glpi-link">
          <h2 id="glpi-link">{t('glpiAdmin.linkTitle')}</h2>
          <p className="muted">{t('glpiAdmin.linkLead')}</p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="link" />
            <FormField
              name="entityId"
              type="number"
              label={t('glpiAdmin.entityId')}
              required
              defaultValue={failure?.values.entityId ?? ''}
              error={failure?.fieldErrors.entityId}
            />
            <button type="submit" className="button button--ghost" disabled={busy}>
              {t('glpiAdmin.linkSubmit')}
            </button>
          </Form>
        </section>
      </div>
      <section aria-labelledby="glpi-users">
        <h2 id="glpi-users">{t('glpiAdmin.usersTitle')}</h2>
        {glpi.users.length === 0 ? (
          <p className="muted">{t('glpiAdmin.noUsers')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption>{t('glpiAdmin.usersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('glpiAdmin.user')}</th>
                  <th scope="col">{t('glpiAdmin.email')}</th>
                  <th scope="col">{t('glpiAdmin.glpiAccount')}</th>
                </tr>
              </thead>
              <tbody>
                {glpi.users.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">
                      {user.name}
                      {user.active ? null : <span className="muted"> ({t('glpiAdmin.inactive')})</span>}
                    </th>
                    <td>{user.email}</td>
                    <td>
                      {user.glpiUserId === null ? t('glpiAdmin.notProvisioned') : t('glpiAdmin.glpiAccountValue', { id: user.glpiUserId })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
