import type { inferRouterOutputs } from '@trpc/server';
import type { TFunction } from 'i18next';
import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatDateTime } from '../../../shared/format';
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

/** An audit action code ("proforma.issue") as its i18n key; unknown codes fall back to the code. */
const actionKey = (action: string) => `auditText.actions.${action.replace(/\./g, '_')}`;

/**
 * What a staff member needs of an audit row's details, in words: the document's number, a reason,
 * a payment method, a call's outcome. The rest of the JSON stays in the admin's audit search.
 */
function auditFacts(details: string | null, action: string, t: TFunction): { number: string | null; facts: string[] } {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = details ? JSON.parse(details) : {};
    if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as Record<string, unknown>;
  } catch {
    // Details are cut at a few hundred characters: a cut row shows no facts rather than raw JSON.
  }
  const text = (key: string) => (typeof parsed[key] === 'string' || typeof parsed[key] === 'number' ? String(parsed[key]) : null);
  const facts: string[] = [];
  const reason = text('reason');
  if (reason) facts.push(t('auditText.reason', { value: reason }));
  const method = text('paymentMethod') ?? text('method');
  if (method) facts.push(t('auditText.method', { value: t(`paymentMethod.${method}`, { defaultValue: method }) }));
  const reference = text('reference');
  if (reference) facts.push(t('auditText.reference', { value: reference }));
  const outcome = text('outcome');
  if (outcome) facts.push(t('auditText.outcome', { value: t(`boQuotes.outcomes.${outcome}`, { defaultValue: outcome }) }));
  const from = text('from');
  const to = text('to');
  if (action.startsWith('quote.') && from && to)
    facts.push(t('auditText.status', { from: t(`boQuotes.status.${from}`), to: t(`boQuotes.status.${to}`) }));
  const entity = text('entityId');
  if (entity) facts.push(t('auditText.entity', { value: entity }));
  return { number: text('number'), facts };
}

/** The audit rows about the company and its records, in words rather than codes. */
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
          {audit.entries.map((entry) => {
            const { number, facts } = auditFacts(entry.details, entry.action, t);
            const type = t(`auditText.records.${entry.recordType}`, { defaultValue: entry.recordType });
            return (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.createdAt, locale)}</td>
                <td>{entry.actor ? entry.actor.name : <span className="muted">{t('boCompany.system')}</span>}</td>
                <th scope="row">{t(actionKey(entry.action), { defaultValue: entry.action })}</th>
                <td>{number ? `${type} ${number}` : t('auditText.record', { type, id: entry.recordId ?? '' })}</td>
                <td className="bo-audit-details">{facts.join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
