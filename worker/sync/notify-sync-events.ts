import { Op, type Transaction } from 'sequelize';
import { config } from '../../server/config';
import { GlpiSyncEvent } from '../../server/db/models';
import type { GlpiSyncEventKind } from '../../server/db/models/glpi-sync-event';
import { sequelize } from '../../server/db/sequelize';
import { notifyUsers, ticketAudienceIds } from '../../server/notifications/notify';
import { resolveLocale } from '../../shared/i18n/locales';
import { User } from '../../server/db/models';
import { enqueueMail } from '../../server/mail/enqueue-mail';
import { openSurvey } from '../../server/portal/ticket-satisfaction';

const notificationOf: Record<
  GlpiSyncEventKind,
  { kind: string; template: 'glpi-ticket-solved' | 'glpi-ticket-closed' | 'glpi-ticket-status' | 'glpi-ticket-answer' }
> = {
  ticket_solved: { kind: 'glpiTicketSolved', template: 'glpi-ticket-solved' },
  ticket_closed: { kind: 'glpiTicketClosed', template: 'glpi-ticket-closed' },
  ticket_status_changed: { kind: 'glpiTicketStatusChanged', template: 'glpi-ticket-status' },
  followup_added: { kind: 'glpiTicketAnswered', template: 'glpi-ticket-answer' },
};

/**
 * Turns recorded, not yet notified events into in-app notifications and e-mails to the company's
 * managers and the members following the ticket. Each event is notified in one transaction with its `notified_at`, rows locked with SKIP
 * LOCKED so two workers never notify the same event twice.
 */
export async function notifyPendingSyncEvents(options: { companyId?: number; limit?: number } = {}): Promise<number> {
  let notified = 0;
  for (;;) {
    const done = await sequelize.transaction(async (transaction) => {
      const events = await GlpiSyncEvent.findAll({
        where: { notifiedAt: { [Op.is]: null }, ...(options.companyId ? { companyId: options.companyId } : {}) },
        order: [['id', 'ASC']],
        limit: options.limit ?? 100,
        lock: transaction.LOCK.UPDATE,
        skipLocked: true,
        transaction,
      });
      for (const event of events) {
        const { kind, template } = notificationOf[event.kind];
        const ticketUrl = `${config.APP_URL}/portal/tickets/${event.glpiTicketId}`;
        const params = { ticketId: String(event.glpiTicketId), ticketTitle: event.ticketName ?? '' };
        await notifyUsers(
          {
            userIds: await ticketAudienceIds(event.companyId, event.glpiTicketId, transaction),
            kind,
            params,
            link: `/portal/tickets/${event.glpiTicketId}`,
            mail: { template, params: { ...params, ticketUrl } },
          },
          transaction,
        );
        if (event.kind === 'ticket_solved' || event.kind === 'ticket_closed')
          await mailSurvey(event.companyId, event.glpiTicketId, params, transaction);
        await event.update({ notifiedAt: new Date() }, { transaction });
      }
      return events.length;
    });
    notified += done;
    if (done < (options.limit ?? 100)) return notified;
  }
}

/**
 * A ticket solved or closed for the first time opens its satisfaction survey, mailed to one
 * person (its requester when known): the mail's link is made when it is sent (mail-links.ts).
 */
async function mailSurvey(
  companyId: number,
  glpiTicketId: number,
  params: { ticketId: string; ticketTitle: string },
  transaction: Transaction,
) {
  const survey = await openSurvey(companyId, glpiTicketId, transaction);
  const user = survey?.userId ? await User.findByPk(survey.userId, { attributes: ['email', 'locale'], transaction }) : null;
  if (!survey || !user) return;
  await enqueueMail(
    { to: user.email, template: 'ticket-satisfaction', locale: resolveLocale(user.locale), params: { surveyId: survey.id, ...params } },
    transaction,
  );
}
