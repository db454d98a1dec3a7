import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { GlpiOutboxEntry, User } from '../db/models';
import { AppError, notFound } from '../errors';
import { addJob } from '../jobs/queues';
import { logger } from '../logger';
import { followupPayloadSchema, ticketPayloadSchema } from './outbox-payload';

const id = z.number().int().positive();

export const queueTicketInput = ticketPayloadSchema.extend({ companyId: id, userId: id });
export type QueueTicketInput = z.input<typeof queueTicketInput>;

/** A reply names its ticket by GLPI id, or by the outbox row of a ticket GLPI has not numbered yet. */
export const queueReplyInput = followupPayloadSchema.extend({
  companyId: id,
  userId: id,
  glpiTicketId: id.optional(),
  outboxTicketId: id.optional(),
}).refine((input) => (input.glpiTicketId === undefined) !== (input.outboxTicketId === undefined), {
  message: 'validation.required',
  path: ['glpiTicketId'],
});
export type QueueReplyInput = z.input<typeof queueReplyInput>;

/**
 * Records a new ticket in the outbox and queues its delivery. The row is the truth: if Redis
 * refuses the job, the row stays pending and the worker's sweep queues it again, so nothing a
 * client submits is lost. The caller (a procedure) passes its own company id and user id.
 */
export async function queueTicket(input: QueueTicketInput, transaction?: Transaction): Promise<GlpiOutboxEntry> {
  const { companyId, userId, ...payload } = queueTicketInput.parse(input);
  await assertClientOfCompany(userId, companyId, transaction);
  const entry = await GlpiOutboxEntry.create(
    { companyId, userId, kind: 'ticket', idempotencyKey: randomUUID(), payload, glpiTicketId: null, localTicketRef: null },
    { transaction },
  );
  await queueDelivery(entry.id, transaction);
  return entry;
}

/** Records a reply (a GLPI ITILFollowup once delivered) and queues its delivery. */
export async function queueReply(input: QueueReplyInput, transaction?: Transaction): Promise<GlpiOutboxEntry> {
  const { companyId, userId, glpiTicketId, outboxTicketId, ...payload } = queueReplyInput.parse(input);
  await assertClientOfCompany(userId, companyId, transaction);
  let ticketId = glpiTicketId ?? null;
  let localRef: number | null = null;
  if (outboxTicketId !== undefined) {
    const ticket = await GlpiOutboxEntry.findOne({ where: { id: outboxTicketId, companyId, kind: 'ticket' }, transaction });
    if (!ticket) throw notFound();
    if (ticket.state === 'failed') throw new AppError('CONFLICT', 'errors.glpiTicketNotSent');
    localRef = ticket.id;
    ticketId = ticket.glpiId;
  }
  const entry = await GlpiOutboxEntry.create(
    { companyId, userId, kind: 'followup', idempotencyKey: randomUUID(), payload, glpiTicketId: ticketId, localTicketRef: localRef },
    { transaction },
  );
  await queueDelivery(entry.id, transaction);
  return entry;
}

/** Same job id as the sweep's: a delivery already waiting is never doubled. */
export function outboxJobId(outboxId: number): string {
  return `outbox-${outboxId}`;
}

async function queueDelivery(outboxId: number, transaction?: Transaction): Promise<void> {
  const queue = async () => {
    try {
      await addJob('glpi-outbox', { outboxId }, { jobId: outboxJobId(outboxId) });
    } catch (error) {
      logger.error({ err: error, outboxId }, 'glpi-outbox job not queued; the sweep will retry');
    }
  };
  if (transaction) transaction.afterCommit(queue);
  else await queue();
}

async function assertClientOfCompany(userId: number, companyId: number, transaction?: Transaction): Promise<void> {
  const user = await User.findOne({ where: { id: userId, companyId, role: 'client' }, attributes: ['id'], transaction });
  if (!user) throw notFound();
}
