import { Op } from 'sequelize';
import { GlpiOutboxEntry } from '../db/models';
import type { OutboxState } from '../db/models/glpi-outbox-entry';
import { followupPayloadSchema, ticketPayloadSchema } from './outbox-payload';

/**
 * What the portal shows as "waiting to be sent to support" (then numbered), read from the outbox
 * only; always filtered by the caller's company.
 */
export type OutboxTicketView = ReturnType<typeof ticketView>;
export type OutboxReplyView = ReturnType<typeof replyView>;

function ticketView(entry: GlpiOutboxEntry) {
  return {
    outboxId: entry.id,
    ...ticketPayloadSchema.parse(entry.payload),
    state: entry.state,
    glpiTicketId: entry.glpiId,
    userId: entry.userId,
    createdAt: entry.createdAt,
    deliveredAt: entry.deliveredAt,
  };
}

function replyView(entry: GlpiOutboxEntry) {
  return {
    outboxId: entry.id,
    ...followupPayloadSchema.parse(entry.payload),
    state: entry.state,
    glpiTicketId: entry.glpiTicketId,
    outboxTicketId: entry.localTicketRef,
    glpiFollowupId: entry.glpiId,
    userId: entry.userId,
    createdAt: entry.createdAt,
    deliveredAt: entry.deliveredAt,
  };
}

/** The company's tickets in the outbox, newest first; by default those not delivered yet. */
export async function outboxTicketsOf(
  companyId: number,
  options: { states?: OutboxState[]; limit?: number } = {},
): Promise<OutboxTicketView[]> {
  const rows = await GlpiOutboxEntry.findAll({
    where: { companyId, kind: 'ticket', state: { [Op.in]: options.states ?? ['pending', 'sending', 'failed'] } },
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: options.limit ?? 100,
  });
  return rows.map(ticketView);
}

/** One ticket of the company's outbox, whatever its state; null when it is not the company's. */
export async function outboxTicket(companyId: number, outboxId: number): Promise<OutboxTicketView | null> {
  const entry = await GlpiOutboxEntry.findOne({ where: { id: outboxId, companyId, kind: 'ticket' } });
  return entry && ticketView(entry);
}

/** Replies in the outbox for one ticket of the company (by GLPI id or by its outbox row), oldest first. */
export async function outboxRepliesOf(
  companyId: number,
  ticket: { glpiTicketId: number } | { outboxTicketId: number },
  options: { states?: OutboxState[] } = {},
): Promise<OutboxReplyView[]> {
  const target = 'glpiTicketId' in ticket ? { glpiTicketId: ticket.glpiTicketId } : { localTicketRef: ticket.outboxTicketId };
  const rows = await GlpiOutboxEntry.findAll({
    where: { companyId, kind: 'followup', ...target, state: { [Op.in]: options.states ?? ['pending', 'sending', 'failed'] } },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return rows.map(replyView);
}
