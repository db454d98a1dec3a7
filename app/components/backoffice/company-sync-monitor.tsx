import type { inferRouterOutputs } from '@trpc/server';
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatDateTime, formatNumber } from '../../../shared/format';
import type { AppRouter } from '../../../server/trpc/root-router';

type Monitor = inferRouterOutputs<AppRouter>['backoffice']['companies']['syncMonitor'];

/**
 * The cache's freshness per GLPI item type, the last cycles with what each cost GLPI, and the
 * "sync now" button when the company is linked.
 */
export function CompanySyncMonitor({
  monitor,
  linked,
  busy,
  locale,
}: {
  monitor: Monitor;
  linked: boolean;
  busy: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const { pairs, runs } = monitor;
  return (
    <>
      {runs.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('boCompany.runsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('boCompany.runStarted')}</th>
                <th scope="col" className="num">
                  {t('boCompany.runDuration')}
                </th>
                <th scope="col" className="num">
                  {t('boCompany.runRequests')}
                </th>
                <th scope="col" className="num">
                  {t('boCompany.runRowsRead')}
                </th>
                <th scope="col" className="num">
                  {t('boCompany.runRowsChanged')}
                </th>
                <th scope="col">{t('boCompany.runStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={String(run.startedAt)}>
                  <th scope="row">{formatDateTime(run.startedAt, locale)}</th>
                  <td className="num">{t('boCompany.seconds', { value: formatNumber(run.durationMs / 1000, locale, 1) })}</td>
                  <td className="num">{formatNumber(run.requests, locale)}</td>
                  <td className="num">{formatNumber(run.rowsRead, locale)}</td>
                  <td className="num">{formatNumber(run.rowsChanged, locale)}</td>
                  <td className={run.status === 'failed' ? 'admin-error-text' : undefined}>
                    {t(`boCompany.runStatuses.${run.status}`)}
                    {run.error ? <div className="small">{run.error}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pairs.length === 0 ? (
        <p className="muted">{t('boCompany.noSyncYet')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('boCompany.syncCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('boCompany.itemtype')}</th>
                <th scope="col">{t('boCompany.lastSuccess')}</th>
                <th scope="col" className="num">
                  {t('boCompany.cached')}
                </th>
                <th scope="col">{t('boCompany.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <tr key={`${pair.glpiEntityId}-${pair.itemtype}`}>
                  <th scope="row">
                    {t(`itemtypes.${pair.itemtype}`, { defaultValue: pair.itemtype })}
                    {pair.serverWide ? <span className="muted small"> {t('boCompany.serverWide')}</span> : null}
                    {pair.running ? <span className="badge bo-running">{t('boCompany.running')}</span> : null}
                  </th>
                  <td>
                    {pair.lastSuccessAt ? formatDateTime(pair.lastSuccessAt, locale) : t('boClients.neverSynced')}
                    {pair.firstSync && !pair.firstSync.finished ? (
                      <div className="muted small">
                        {t('boCompany.firstSync', { done: pair.firstSync.done, total: pair.firstSync.total ?? '?' })}
                      </div>
                    ) : null}
                  </td>
                  <td className="num">{formatNumber(pair.cachedItems, locale)}</td>
                  <td className={pair.lastError ? 'admin-error-text' : 'muted'}>
                    {pair.lastError ? (
                      <>
                        {pair.lastError}
                        {pair.lastErrorAt ? <div className="small">{formatDateTime(pair.lastErrorAt, locale)}</div> : null}
                      </>
                    ) : (
                      t('boCompany.none')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {linked ? (
        <Form method="post" className="bo-sync-actions">
          <input type="hidden" name="intent" value="syncNow" />
          <button type="submit" className="button" disabled={busy}>
            {t('boCompany.syncNow')}
          </button>
        </Form>
      ) : null}
    </>
  );
}
