import { Op } from 'sequelize';
import { config } from '../../server/config';
import { GlpiSyncEvent } from '../../server/db/models';
import type { GlpiSyncEventKind } from '../../server/db/models/glpi-sync-event';
import { sequelize } from '../../server/db/sequelize';
import { companyUserIds, notifyUsers } from '../../server/notifications/notify';

const notificationOf: Record<GlpiSyncEventKind, { kind: string; template: 'glpi-ticket-solved' | 'glpi-ticket-closed' | 'glpi-ticket-status' | 'glpi-ticket-answer' }> = {
  ticket_solved: { kind: 'glpiTicketSolved', template: 'glpi-ticket-solved' },
  ticket_closed: { kind: 'glpiTicketClosed', template: 'glpi-ticket-closed' },
  ticket_status_changed: { kind: 'glpiTicketStatusChanged', template: 'glpi-ticket-status' },
  followup_added: { kind: 'glpiTicketAnswered', template: 'glpi-ticket-answer' },
};

/**
 * Turns recorded, not yet notified events into in-app notifications and e-mails to the company's
 * users. Each event is notified in one transaction with its `notified_at`, rows locked with SKIP
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
        await notifyUsers({
          userIds: await companyUserIds(event.companyId, transaction), kind, params, link: `/portal/tickets/${event.glpiTicketId}`,
          mail: { template, params: { ...params, ticketUrl } },
        }, transaction);
        await event.update({ notifiedAt: new Date() }, { transaction });
      }
      return events.length;
    });
    notified += done;
    if (done < (options.limit ?? 100)) return notified;
  }
}
