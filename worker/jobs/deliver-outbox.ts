import { UnrecoverableError, type Job } from 'bullmq';
import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { config } from '../../server/config';
import { GlpiCompanyLink, GlpiOutboxEntry, GlpiUserLink } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { notifyUsers } from '../../server/notifications/notify';
import { carriesOutboxMarker, plainTextToGlpiHtml } from '../../server/glpi-outbox/outbox-marker';
import { followupPayloadSchema, glpiTicketType, ticketPayloadSchema } from '../../server/glpi-outbox/outbox-payload';
import { addJob, queueDefinitions } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError, GlpiRequestError } from '../glpi/glpi-errors';
import type { GlpiSessionPool } from '../glpi/glpi-session-pool';
import { getGlpiPool } from '../glpi-runtime';

export type OutboxDeliveryOptions = {
  pool?: () => GlpiSessionPool;
  /** Tests only: runs after GLPI accepted the write and before the local update — where a crash hurts. */
  afterGlpiWrite?: (entry: GlpiOutboxEntry, glpiId: number) => void | Promise<void>;
};

/**
 * Delivers one outbox row to GLPI: a Ticket in the company's entity with the user's GLPI account
 * as requester, or an ITILFollowup on a ticket of that entity. The row's idempotency key travels in
 * the content; before creating, GLPI is searched for it, so a worker that died after GLPI accepted
 * the write but before recording it does not create it twice on retry.
 */
/** "Ticket received, number N": in-app and by e-mail to the user who opened it. */
async function announceTicketReceived(entry: GlpiOutboxEntry, glpiId: number, transaction: Transaction) {
  const { title } = ticketPayloadSchema.parse(entry.payload);
  const params = { ticketId: String(glpiId), ticketTitle: title };
  await notifyUsers(
    {
      userIds: [entry.userId],
      kind: 'glpiTicketReceived',
      params,
      link: `/portal/tickets/${glpiId}`,
      mail: { template: 'glpi-ticket-received', params: { ...params, ticketUrl: `${config.APP_URL}/portal/tickets/${glpiId}` } },
    },
    transaction,
  );
}

export async function deliverOutboxEntry(outboxId: number, options: OutboxDeliveryOptions = {}): Promise<number | null> {
  const entry = await GlpiOutboxEntry.findByPk(outboxId);
  if (!entry || entry.state === 'delivered' || entry.state === 'failed') return null;
  const entityId = await companyEntity(entry.companyId);
  const requesterId = await glpiAccountOf(entry);
  const ticketId = entry.kind === 'followup' ? await targetTicket(entry) : null;

  await entry.update({ state: 'sending', attempts: entry.attempts + 1 });
  const pool = (options.pool ?? getGlpiPool)();
  const glpiId = await pool.withEntity(entityId, (client) => (ticketId === null
    ? sendTicket(client, entry, entityId, requesterId)
    : sendFollowup(client, entry, ticketId)));
  await options.afterGlpiWrite?.(entry, glpiId);

  await sequelize.transaction(async (transaction) => {
    // Conditional: a replay that finds the row already delivered announces nothing twice.
    const [updated] = await GlpiOutboxEntry.update(
      { state: 'delivered', glpiId, deliveredAt: new Date(), lastError: null },
      { where: { id: entry.id, state: 'sending' }, transaction },
    );
    if (entry.kind !== 'ticket') return;
    // Replies written before GLPI numbered their ticket can now name it.
    await GlpiOutboxEntry.update({ glpiTicketId: glpiId }, { where: { localTicketRef: entry.id, glpiTicketId: null }, transaction });
    if (updated === 1) await announceTicketReceived(entry, glpiId, transaction);
  });
  return glpiId;
}

/** The `glpi-outbox` consumer: retries with back-off while GLPI is down; refusals fail the row at once. */
export function deliverOutboxProcessor(options: OutboxDeliveryOptions = {}) {
  return async (job: Job): Promise<{ glpiId: number | null }> => {
    const { outboxId } = queueDefinitions['glpi-outbox'].payload.parse(job.data);
    try {
      return { glpiId: await deliverOutboxEntry(outboxId, options) };
    } catch (error) {
      // GLPI refused the write itself (4xx): sending it again cannot succeed.
      const refused = error instanceof UnrecoverableError || error instanceof GlpiRequestError || error instanceof GlpiNotFoundError;
      const final = refused || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const reason = error instanceof Error ? error.message : String(error);
      await GlpiOutboxEntry.update({ state: final ? 'failed' : 'pending', lastError: reason.slice(0, 2000) }, { where: { id: outboxId } });
      if (refused && !(error instanceof UnrecoverableError)) throw new UnrecoverableError(reason);
      throw error;
    }
  };
}

async function companyEntity(companyId: number): Promise<number> {
  const link = await GlpiCompanyLink.findByPk(companyId);
  if (link?.glpiEntityId == null) throw new Error(`company ${companyId} is not provisioned in GLPI yet`);
  return link.glpiEntityId;
}

async function glpiAccountOf(entry: GlpiOutboxEntry): Promise<number> {
  const link = await GlpiUserLink.findByPk(entry.userId);
  if (link) return link.glpiUserId;
  // A user who joined after provisioning: provisioning again creates their account; this row waits.
  try {
    await addJob('provision-client', { companyId: entry.companyId }, { jobId: `provision-${entry.companyId}-user-${entry.userId}` });
  } catch (error) {
    logger.warn({ err: error, companyId: entry.companyId }, 'provisioning for a new user not queued');
  }
  throw new Error(`user ${entry.userId} has no GLPI account yet`);
}

async function targetTicket(entry: GlpiOutboxEntry): Promise<number> {
  if (entry.glpiTicketId !== null) return entry.glpiTicketId;
  const ticket = entry.localTicketRef === null ? null : await GlpiOutboxEntry.findByPk(entry.localTicketRef);
  if (!ticket) throw new UnrecoverableError('reply without a ticket');
  if (ticket.state === 'failed') throw new UnrecoverableError(`its ticket (outbox ${ticket.id}) could not be sent`);
  if (ticket.glpiId === null) throw new Error(`waiting for its ticket (outbox ${ticket.id}) to reach GLPI`);
  await entry.update({ glpiTicketId: ticket.glpiId });
  return ticket.glpiId;
}

const searchIdRow = z.looseObject({ '2': z.coerce.number().int().positive() });

async function sendTicket(client: GlpiClient, entry: GlpiOutboxEntry, entityId: number, requesterId: number): Promise<number> {
  // The key is letters, digits and dashes: GLPI's storage encoding leaves it intact, so "contains" finds it.
  const previous = await client.searchPage('Ticket', {
    criteria: [{ field: 21, searchtype: 'contains', value: entry.idempotencyKey }], forcedisplay: [2], pageSize: 5,
  });
  const found = previous.rows.map((row) => searchIdRow.safeParse(row)).find((row) => row.success);
  if (found?.success) return found.data['2'];
  const payload = ticketPayloadSchema.parse(entry.payload);
  const created = await client.create('Ticket', {
    name: payload.title,
    content: plainTextToGlpiHtml(payload.content, entry.idempotencyKey),
    entities_id: entityId,
    _users_id_requester: requesterId,
    urgency: payload.urgency,
    type: glpiTicketType[payload.type],
  });
  return created.id;
}

async function sendFollowup(client: GlpiClient, entry: GlpiOutboxEntry, ticketId: number): Promise<number> {
  try {
    // Scoped to the company's entity: a ticket of another company is out of reach (403), never answered.
    await client.getItem('Ticket', ticketId);
  } catch (error) {
    if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) {
      throw new UnrecoverableError(`GLPI ticket ${ticketId} not found in the company's entity`);
    }
    throw error;
  }
  const followups = await client.getFollowups(ticketId);
  const previous = followups.find((followup) => carriesOutboxMarker(followup.content, entry.idempotencyKey));
  if (previous) return previous.id;
  const payload = followupPayloadSchema.parse(entry.payload);
  const created = await client.addFollowup(ticketId, plainTextToGlpiHtml(payload.content, entry.idempotencyKey));
  return created.id;
}
