import type { inferRouterOutputs } from '@trpc/server';
import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '~/i18n/locales';
import { formatDateTime } from '~/utils/format';
import type { AppRouter } from '../../../server/trpc/root-router';

type Outputs = inferRouterOutputs<AppRouter>['backoffice']['companies'];

/** The company's story, newest first: each entry says what happened, to which record, and who did it. */
export function CompanyTimeline({ entries, locale }: { entries: Outputs['timeline']; locale: Locale }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('boCompany.noTimeline')}</p>;
  return (
    <ol className="bo-timeline">
      {entries.map((entry, index) => {
        const text = t(`boCompany.timeline.${entry.kind}`, {
          reference: locale === 'en' && entry.referenceEn ? entry.referenceEn : entry.reference,
          code: entry.code ?? '',
          outcome: entry.kind === 'quoteCalled' && entry.code ? t(`boCompany.outcomes.${entry.code}`) : '',
          reminder: entry.kind === 'subscriptionReminded' && entry.code ? t(`boCompany.reminders.${entry.code}`) : '',
        });
        return (
          <li key={index} className={`bo-timeline__entry bo-timeline__entry--${entry.kind}`}>
            <time dateTime={new Date(entry.at).toISOString()} className="muted small">
              {formatDateTime(entry.at, locale)}
            </time>
            <span>
              {entry.link ? <Link to={entry.link}>{text}</Link> : text}
              {entry.who ? <span className="muted small"> — {t('boCompany.by', { name: entry.who })}</span> : null}
              {entry.note ? <span className="bo-timeline__note">{entry.note}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The audit rows about the company and its records. */
export function CompanyAudit({ audit, locale }: { audit: Outputs['audit']; locale: Locale }) {
  const { t } = useTranslation();
  if (audit.entries.length === 0) return <p className="muted">{t('boCompany.noAudit')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('boCompany.auditCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('boCompany.auditWhen')}</th>
            <th scope="col">{t('boCompany.auditWho')}</th>
            <th scope="col">{t('boCompany.auditAction')}</th>
            <th scope="col">{t('boCompany.auditRecord')}</th>
            <th scope="col">{t('boCompany.auditDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {audit.entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.createdAt, locale)}</td>
              <td>{entry.actor ? entry.actor.name : <span className="muted">{t('boCompany.system')}</span>}</td>
              <th scope="row"><code>{entry.action}</code></th>
              <td>
                <code>
                  {entry.recordType} #{entry.recordId}
                </code>
              </td>
              <td className="bo-audit-details">{entry.details ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
