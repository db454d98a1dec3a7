import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { AdminNotice } from '~/components/admin/admin-notice';
import { FormField } from '~/components/form-field';
import { Pager } from '~/components/pager';
import { formatDateTime } from '../../shared/format';
import { done, pageParam, type AdminActionResult } from '~/utils/admin.server';
import { formFailure, formValues, parseForm, serverApi } from '~/trpc.server';
import { adminPage } from '~/utils/page-access.server';
import { retryJobForm } from '~/utils/form-schemas.server';
import { titled } from '~/utils/page-title';

export const meta = titled('adminQueues');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await adminPage(request, context);
  const url = new URL(request.url);
  const [queues, glpi, cadence, database] = await Promise.all([
    api.admin.queues.overview(),
    api.admin.health.glpi(),
    api.admin.syncCadence.get(),
    api.admin.health.database(),
  ]);
  const selected = queues.find((q) => q.name === url.searchParams.get('queue'));
  const failed = selected?.available ? await api.admin.queues.failed({ queue: selected.name, page: pageParam(url) }) : null;
  return data({ queues, glpi, cadence, database, failed, locale: ctx.locale }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  let result: AdminActionResult;
  try {
    if (values.intent === 'cadence') {
      // Strings are coerced and bounded by the procedure's schema.
      await api.admin.syncCadence.set({
        ticketsEverySeconds: values.ticketsEverySeconds ?? '',
        assetsEveryMinutes: values.assetsEveryMinutes ?? '',
      });
      result = done('admin.queues.cadenceSaved');
    } else {
      await api.admin.queues.retry(parseForm(retryJobForm, { queue: values.queue, jobId: values.jobId }));
      result = done('admin.queues.retried');
    }
  } catch (error) {
    result = formFailure(error, values);
  }
  return data(result, { headers });
}

export default function Queues() {
  const { queues, glpi, cadence, database, failed, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === 'submitting';
  const when = (d: Date | string | null) => (d ? formatDateTime(d, locale) : '—');
  return (
    <>
      <h1>{t('admin.queues.title')}</h1>
      <AdminNotice result={result} />
      <table className="table">
        <caption>{t('admin.queues.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.queues.queue')}</th>
            {(['waiting', 'active', 'delayed', 'failed', 'completed'] as const).map((k) => (
              <th key={k} scope="col" className="num">
                {t(`admin.queues.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.name}>
              <th scope="row">{q.name}</th>
              {q.available ? (
                <>
                  <td className="num">{q.waiting}</td>
                  <td className="num">{q.active}</td>
                  <td className="num">{q.delayed}</td>
                  <td className="num">
                    {q.failed > 0 ? (
                      <Link to={`?queue=${encodeURIComponent(q.name)}`} aria-label={t('admin.queues.showFailed', { queue: q.name })}>
                        {q.failed}
                      </Link>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="num">{q.completed}</td>
                </>
              ) : (
                <td colSpan={5} className="admin-error-text">
                  {t('admin.queues.unavailable')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      {failed ? (
        <section className="card" aria-labelledby="failed-title">
          <h2 id="failed-title">{t('admin.queues.failedCaption', { queue: failed.queue })}</h2>
          {failed.jobs.length === 0 ? (
            <p className="muted">{t('admin.queues.noFailed')}</p>
          ) : (
            <table className="table">
              <caption>{t('admin.queues.failedCaption', { queue: failed.queue })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.queues.job')}</th>
                  <th scope="col">{t('admin.queues.error')}</th>
                  <th scope="col" className="num">
                    {t('admin.queues.attempts')}
                  </th>
                  <th scope="col">{t('admin.queues.failedAt')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {failed.jobs.map((job) => (
                  <tr key={job.id}>
                    <th scope="row">
                      {job.id} <span className="muted small">{job.name}</span>
                      <div className="muted small admin-code">{job.data}</div>
                    </th>
                    <td className="admin-error-text">{job.failedReason}</td>
                    <td className="num">{job.attemptsMade}</td>
                    <td>{when(job.failedAt)}</td>
                    <td>
                      <Form method="post" className="admin-inline-form">
                        <input type="hidden" name="queue" value={failed.queue} />
                        <input type="hidden" name="jobId" value={job.id} />
                        <button
                          type="submit"
                          className="button button--ghost"
                          disabled={busy}
                          aria-label={`${t('admin.queues.retry')} — ${job.id}`}
                        >
                          {t('admin.queues.retry')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={failed.page} pageCount={Math.ceil(failed.total / failed.pageSize)} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="glpi-title">
        <h2 id="glpi-title">{t('admin.queues.glpi')}</h2>
        <p className="muted">{t('admin.queues.glpiLead')}</p>
        <p>
          <span className={`admin-state admin-state--${glpi.state}`} data-testid="glpi-state">
            {t(`admin.queues.glpiStates.${glpi.state}`)}
          </span>
        </p>
        {glpi.sync ? (
          <dl className="admin-facts">
            <dt>{t('admin.queues.syncPairs')}</dt>
            <dd>{glpi.sync.pairs}</dd>
            <dt>{t('admin.queues.syncFailing')}</dt>
            <dd>{glpi.sync.failing}</dd>
            <dt>{t('admin.queues.lastSuccess')}</dt>
            <dd>{when(glpi.sync.lastSuccessAt)}</dd>
            <dt>{t('admin.queues.lastAttempt')}</dt>
            <dd>{when(glpi.sync.lastAttemptAt)}</dd>
          </dl>
        ) : (
          <p className="muted">{t('admin.queues.noSyncTable')}</p>
        )}
        {glpi.sync && glpi.sync.errors.length > 0 ? (
          <table className="table">
            <caption>{t('admin.queues.syncErrors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.queues.company')}</th>
                <th scope="col">{t('admin.queues.itemtype')}</th>
                <th scope="col">{t('admin.queues.error')}</th>
                <th scope="col">{t('admin.queues.failedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {glpi.sync.errors.map((e, i) => (
                <tr key={`${e.companyId}-${e.itemtype}-${i}`}>
                  <th scope="row">{e.companyId === null ? t('admin.queues.serverWide') : (e.companyName ?? '—')}</th>
                  <td>{t(`itemtypes.${e.itemtype}`, { defaultValue: e.itemtype })}</td>
                  <td className="admin-error-text">{e.lastError}</td>
                  <td>{when(e.lastErrorAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {glpi.provisioning ? (
          <p>
            <strong>{t('admin.queues.provisioning')}</strong> : {t('admin.queues.provisioningCounts', glpi.provisioning)}
          </p>
        ) : null}
        {glpi.provisioning && glpi.provisioning.failures.length > 0 ? (
          <ul className="list">
            {glpi.provisioning.failures.map((f) => (
              <li key={f.companyId}>
                <span>{f.companyName}</span>
                <span className="admin-error-text">{f.lastError}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {glpi.outbox ? (
          <p>
            <strong>{t('admin.queues.outbox')}</strong> : {t('admin.queues.outboxCounts', glpi.outbox)}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="replicas-title">
        <h2 id="replicas-title">{t('admin.replicas.title')}</h2>
        {database.replicasConfigured ? (
          <>
            <p className="muted">{t('admin.replicas.lead', { maxLag: database.maxLagSeconds })}</p>
            <table className="table" data-testid="replicas">
              <caption>{t('admin.replicas.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.replicas.replica')}</th>
                  <th scope="col">{t('admin.replicas.state')}</th>
                  <th scope="col" className="num">
                    {t('admin.replicas.lag')}
                  </th>
                  <th scope="col">{t('admin.replicas.checkedAt')}</th>
                  <th scope="col">{t('admin.replicas.error')}</th>
                </tr>
              </thead>
              <tbody>
                {database.replicas.map((replica) => (
                  <tr key={replica.name}>
                    <th scope="row" className="admin-code">
                      {replica.name}
                    </th>
                    <td>
                      <span className={`admin-state admin-state--${replica.inService ? 'ok' : 'down'}`}>
                        {t(`admin.replicas.states.${replica.state}`)}
                      </span>
                    </td>
                    <td className="num">
                      {replica.lagSeconds === null ? '—' : t('admin.replicas.lagSeconds', { seconds: replica.lagSeconds.toFixed(1) })}
                    </td>
                    <td>{when(replica.checkedAt)}</td>
                    <td className="admin-error-text">{replica.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">{t('admin.replicas.none')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="cadence-title">
        <h2 id="cadence-title">{t('admin.queues.cadenceTitle')}</h2>
        <p className="muted">{t(cadence ? 'admin.queues.cadenceLead' : 'admin.queues.cadenceDefault')}</p>
        <Form method="post" className="admin-form">
          <input type="hidden" name="intent" value="cadence" />
          <FormField
            name="ticketsEverySeconds"
            type="number"
            label={t('admin.queues.ticketsEvery')}
            hint={t('admin.queues.ticketsEveryHint')}
            required
            defaultValue={result?.ok === false ? result.values.ticketsEverySeconds : String(cadence?.ticketsEverySeconds ?? 60)}
            error={result?.ok === false ? result.fieldErrors.ticketsEverySeconds : undefined}
          />
          <FormField
            name="assetsEveryMinutes"
            type="number"
            label={t('admin.queues.assetsEvery')}
            hint={t('admin.queues.assetsEveryHint')}
            required
            defaultValue={result?.ok === false ? result.values.assetsEveryMinutes : String(cadence?.assetsEveryMinutes ?? 15)}
            error={result?.ok === false ? result.fieldErrors.assetsEveryMinutes : undefined}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('admin.queues.cadenceSave')}
          </button>
        </Form>
      </section>
    </>
  );
}
