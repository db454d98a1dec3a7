import type { inferRouterOutputs } from '@trpc/server';
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '~/i18n/locales';
import { formatDateTime } from '~/utils/format';
import type { AppRouter } from '../../../server/trpc/root-router';

type Pairs = inferRouterOutputs<AppRouter>['backoffice']['companies']['syncMonitor'];

/** The cache's freshness per GLPI item type, and the "sync now" button when the company is linked. */
export function CompanySyncMonitor({ pairs, linked, busy, locale }: { pairs: Pairs; linked: boolean; busy: boolean; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
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
                <th scope="col" className="num">{t('boCompany.cached')}</th>
                <th scope="col">{t('boCompany.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <tr key={`${pair.glpiEntityId}-${pair.itemtype}`}>
                  <th scope="row">
                    {pair.itemtype}
                    {pair.running ? <span className="badge bo-running">{t('boCompany.running')}</span> : null}
                  </th>
                  <td>
                    {pair.lastSuccessAt ? formatDateTime(pair.lastSuccessAt, locale) : t('boClients.neverSynced')}
                    {pair.firstSync && !pair.firstSync.finished ? (
                      <div className="muted small">{t('boCompany.firstSync', { done: pair.firstSync.done, total: pair.firstSync.total ?? '?' })}</div>
                    ) : null}
                  </td>
                  <td className="num">{pair.cachedItems}</td>
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
