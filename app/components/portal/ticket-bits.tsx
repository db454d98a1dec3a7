import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatPortalDate } from '~/components/portal/format-date';

type Deadlines = { timeToOwn: Date | string | null; ownMissed: boolean; timeToResolve: Date | string | null; resolveMissed: boolean };

/** GLPI's two deadlines of an open ticket, each flagged when missed. */
export function TicketDeadlines({ deadlines, locale }: { deadlines: Deadlines; locale: Locale }) {
  const { t } = useTranslation();
  const k = 'clientPortal.tickets';
  const line = (key: 'ownBy' | 'resolveBy', at: Date | string | null, missed: boolean) =>
    at === null ? null : (
      <li className={missed ? 'portal-deadline portal-deadline--missed' : 'portal-deadline'}>
        {t(`${k}.${key}`, { date: formatPortalDate(at, locale) })}
        {missed ? (
          <>
            {' '}
            — <strong>{t(`${k}.missed`)}</strong>
          </>
        ) : null}
      </li>
    );
  if (!deadlines.timeToOwn && !deadlines.timeToResolve) return null;
  return (
    <ul className="list portal-deadlines">
      {line('ownBy', deadlines.timeToOwn, deadlines.ownMissed)}
      {line('resolveBy', deadlines.timeToResolve, deadlines.resolveMissed)}
    </ul>
  );
}

/** Where a ticket or reply written in the portal stands on its way to GLPI. */
export function OutboxState({
  state,
  glpiTicketId,
  awaitingAccount = false,
}: {
  state: string;
  glpiTicketId?: number | null;
  awaitingAccount?: boolean;
}) {
  const { t } = useTranslation();
  const k = 'clientPortal.tickets';
  const waiting = awaitingAccount && (state === 'pending' || state === 'sending');
  const label = waiting
    ? t('glpiAccount.awaitingAccount')
    : state === 'delivered' && glpiTicketId
      ? t(`${k}.delivered`, { number: glpiTicketId })
      : state === 'failed'
        ? t(`${k}.failed`)
        : state === 'sending'
          ? t(`${k}.sending`)
          : t(`${k}.waiting`);
  return (
    <span className={`portal-outbox portal-outbox--${state}`} data-testid="outbox-state">
      {label}
    </span>
  );
}
