import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { ticketRoles } from '../accounts/roles';
import { GlpiOutboxEntry, User } from '../db/models';
import { AppError, notFound } from '../errors';
import { addJob } from '../jobs/queues';
import { queueWork } from '../jobs/queue-work';
import { logger } from '../logger';
import { GlpiTicket } from '../db/models';
import { assertTicketChoices } from '../portal/ticket-choices';
import {
  approvalPayloadSchema,
  documentPayloadSchema,
  followupPayloadSchema,
  satisfactionPayloadSchema,
  ticketPayloadSchema,
} from './outbox-payload';

const id = z.number().int().positive();

export const queueTicketInput = ticketPayloadSchema.extend({ companyId: id, userId: id });
export type QueueTicketInput = z.input<typeof queueTicketInput>;

/** A reply or an attachment names its ticket by GLPI id, or by the outbox row of a ticket GLPI has not numbered yet. */
const ticketReference = { companyId: id, userId: id, glpiTicketId: id.optional(), outboxTicketId: id.optional() };
const oneTicketReference = (input: { glpiTicketId?: number; outboxTicketId?: number }) =>
  (input.glpiTicketId === undefined) !== (input.outboxTicketId === undefined);
const oneTicketReferenceError = { message: 'validation.required', path: ['glpiTicketId'] };

export const queueReplyInput = followupPayloadSchema.extend(ticketReference).refine(oneTicketReference, oneTicketReferenceError);
export type QueueReplyInput = z.input<typeof queueReplyInput>;

/**
 * Records a new ticket in the outbox and queues its delivery. The row is the truth: if Redis
 * refuses the job, the row stays pending and the worker's sweep queues it again, so nothing a
 * client submits is lost. The caller (a procedure) passes its own company id and user id.
 */
export async function queueTicket(input: QueueTicketInput, transaction?: Transaction): Promise<GlpiOutboxEntry> {
  const { companyId, userId, ...payload } = queueTicketInput.parse(input);
  await assertClientOfCompany(userId, companyId, transaction);
  await assertTicketChoices(companyId, payload);
  const entry = await GlpiOutboxEntry.create(
    { companyId, userId, kind: 'ticket', idempotencyKey: randomUUID(), payload, glpiTicketId: null, localTicketRef: null },
    { transaction },
  );
  await queueDelivery(entry, transaction);
  return entry;
}

/** Records a reply (a GLPI ITILFollowup once delivered) and queues its delivery. */
export async function queueReply(input: QueueReplyInput, transaction?: Transaction): Promise<GlpiOutboxEntry> {
  const { companyId, userId, glpiTicketId, outboxTicketId, ...payload } = queueReplyInput.parse(input);
  await assertClientOfCompany(userId, companyId, transaction);
  const { ticketId, localRef } = await ticketOf(companyId, { glpiTicketId, outboxTicketId }, { mustBeCached: false }, transaction);
  const entry = await GlpiOutboxEntry.create(
    { companyId, userId, kind: 'followup', idempotencyKey: randomUUID(), payload, glpiTicketId: ticketId, localTicketRef: localRef },
    { transaction },
  );
  await queueDelivery(entry, transaction);
  return entry;
}

export const queueDocumentInput = documentPayloadSchema.extend(ticketReference).refine(oneTicketReference, oneTicketReferenceError);
export type QueueDocumentInput = z.input<typeof queueDocumentInput>;

/**
 * Records an attachment already checked and stored (storeTicketAttachment) for a ticket of the
 * company, by GLPI id or by the outbox row of a ticket not numbered yet, and queues its delivery.
 */
export async function queueDocument(input: QueueDocumentInput, transaction?: Transaction): Promise<GlpiOutboxEntry> {
  const { companyId, userId, glpiTicketId, outboxTicketId, ...payload } = queueDocumentInput.parse(input);
  await assertClientOfCompany(userId, companyId, transaction);
  const { ticketId, localRef } = await ticketOf(companyId, { glpiTicketId, outboxTicketId }, { mustBeCached: true }, transaction);
  const entry = await GlpiOutboxEntry.create(
    { companyId, userId, kind: 'document', idempotencyKey: randomUUID(), payload, glpiTicketId: ticketId, localTicketRef: localRef },
    { transaction },
  );
  await queueDelivery(entry, transaction);
  return entry;
}

/**
 * The ticket a reply or an attachment goes to: numbered by GLPI, or still in the outbox (then it is
 * delivered after it, and refused if that ticket failed). `mustBeCached`: a GLPI id must name a
 * ticket of the company the cache holds.
 */
async function ticketOf(
  companyId: number,
  ref: { glpiTicketId?: number; outboxTicketId?: number },
  options: { mustBeCached: boolean },
  transaction?: Transaction,
): Promise<{ ticketId: number | null; localRef: number | null }> {
  if (ref.outboxTicketId !== undefined) {
    const ticket = await GlpiOutboxEntry.findOne({ where: { id: ref.outboxTicketId, companyId, kind: 'ticket' }, transaction });
    if (!ticket) throw notFound();
    if (ticket.state === 'failed') throw new AppError('CONFLICT', 'errors.glpiTicketNotSent');
    return { ticketId: ticket.glpiId, localRef: ticket.id };
  }
  if (options.mustBeCached) {
    const known = await GlpiTicket.findOne({
      where: { companyId, glpiId: ref.glpiTicketId, deletedAt: null },
      attributes: ['id'],
      transaction,
    });
    if (!known) throw notFound();
  }
  return { ticketId: ref.glpiTicketId ?? null, localRef: null };
}

export const queueApprovalInput = z.intersection(approvalPayloadSchema, z.object({ companyId: id, userId: id, glpiTicketId: id }));
export type QueueApprovalInput = z.input<typeof queueApprovalInput>;

/**
 * Records the client's answer to a solved ticket's solution (approve: the ticket closes; refuse
 * with a reason: it goes back to processing) and queues its delivery. Only a solved ticket of the
 * company, and one answer at a time: a second click while the first waits is a conflict.
 */
export async function queueApproval(input: QueueApprovalInput, transaction?: Transaction): Promise<GlpiOutboxEntry> {
  const { companyId, userId, glpiTicketId, ...payload } = queueApprovalInput.parse(input);
  await assertClientOfCompany(userId, companyId, transaction);
  const ticket = await GlpiTicket.findOne({
    where: { companyId, glpiId: glpiTicketId, deletedAt: null },
    attributes: ['status'],
    transaction,
  });
  if (!ticket) throw notFound();
  if (ticket.status !== 5) throw new AppError('CONFLICT', 'errors.ticketNotSolved');
  const waiting = await GlpiOutboxEntry.findOne({
    where: { companyId, kind: 'approval', glpiTicketId, state: ['pending', 'sending'] },
    attributes: ['id'],
    transaction,
  });
  if (waiting) throw new AppError('CONFLICT', 'errors.approvalWaiting');
  const entry = await GlpiOutboxEntry.create(
    { companyId, userId, kind: 'approval', idempotencyKey: randomUUID(), payload, glpiTicketId, localTicketRef: null },
    { transaction },
  );
  await queueDelivery(entry, transaction);
  return entry;
}

export const queueSatisfactionInput = satisfactionPayloadSchema.extend({ companyId: id, userId: id, glpiTicketId: id });
export type QueueSatisfactionInput = z.input<typeof queueSatisfactionInput>;

/**
 * Records a satisfaction answer for GLPI's survey of a ticket of the company, written as the user
 * who answers (GLPI lets the ticket's requester answer). The survey's own rules (one answer, not
 * expired) are the caller's: server/portal/ticket-satisfaction.ts, in the same transaction.
 */
export async function queueSatisfaction(input: QueueSatisfactionInput, transaction: Transaction): Promise<GlpiOutboxEntry> {
  const { companyId, userId, glpiTicketId, ...payload } = queueSatisfactionInput.parse(input);
  await assertClientOfCompany(userId, companyId, transaction);
  const entry = await GlpiOutboxEntry.create(
    { companyId, userId, kind: 'satisfaction', idempotencyKey: randomUUID(), payload, glpiTicketId, localTicketRef: null },
    { transaction },
  );
  await queueDelivery(entry, transaction);
  return entry;
}

/**
 * The row's idempotency key (a uuid), not its auto-increment id, which a reset or restored database
 * hands out again: a retained job of an earlier row can then never swallow this one. The sweep and
 * the worker's start use the same id, so a delivery already waiting is never doubled.
 */
export function outboxJobId(entry: { idempotencyKey: string }): string {
  return `outbox-${entry.idempotencyKey}`;
}

/** Queues (again) the delivery of a row the database says is pending; explicit dedup (queue-work.ts). */
export function queueOutboxDelivery(entry: { id: number; idempotencyKey: string }) {
  return queueWork('glpi-outbox', { outboxId: entry.id, key: entry.idempotencyKey }, outboxJobId(entry));
}

async function queueDelivery(entry: GlpiOutboxEntry, transaction?: Transaction): Promise<void> {
  const queue = async () => {
    try {
      await addJob('glpi-outbox', { outboxId: entry.id, key: entry.idempotencyKey }, { jobId: outboxJobId(entry) });
    } catch (error) {
      logger.error({ err: error, outboxId: entry.id }, 'glpi-outbox job not queued; the sweep will retry');
    }
  };
  if (transaction) transaction.afterCommit(queue);
  else await queue();
}

async function assertClientOfCompany(userId: number, companyId: number, transaction?: Transaction): Promise<void> {
  const user = await User.findOne({
    where: { id: userId, companyId, role: 'client', companyRole: [...ticketRoles] },
    attributes: ['id'],
    transaction,
  });
  if (!user) throw notFound();
}
