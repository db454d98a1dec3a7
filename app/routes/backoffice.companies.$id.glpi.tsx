import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, requireUser, serverApi } from '~/trpc.server';
import { formatDateTime } from '~/utils/format';

export const meta: MetaFunction = () => [{ title: 'GLPI — Y-tech' }];

const companyIdOf = (params: { id?: string }) => {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not found', { status: 404 });
  return id;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await serverApi(request);
  requireUser(ctx, request);
  if (ctx.user.role === 'client') throw redirect('/portal');
  const glpi = await api.glpi.provisioningState({ companyId: companyIdOf(params) }).catch((error: { code?: string }) => {
    if (error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 });
    throw error;
  });
  return data({ glpi, locale: ctx.locale }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request);
  const companyId = companyIdOf(params);
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
                    <td>{user.glpiUserId === null ? t('glpiAdmin.notProvisioned') : t('glpiAdmin.glpiAccountValue', { id: user.glpiUserId })}</td>
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
