import { UnrecoverableError, type Job } from 'bullmq';
import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { config } from '../../server/config';
import { ticketRoles } from '../../server/accounts/roles';
import { GlpiCompanyLink, GlpiOutboxEntry, GlpiUserLink, User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { notifyUsers } from '../../server/notifications/notify';
import { carriesOutboxMarker, plainTextToGlpiHtml } from '../../server/glpi-outbox/outbox-marker';
import {
  approvalPayloadSchema,
  documentPayloadSchema,
  followupPayloadSchema,
  glpiTicketType,
  satisfactionPayloadSchema,
  ticketPayloadSchema,
} from '../../server/glpi-outbox/outbox-payload';
import { onlyIdSchema } from '../glpi/glpi-schemas';
import { parse } from '../glpi/glpi-client';
import { readFile } from 'node:fs/promises';
import { ticketAttachmentPath } from '../../server/portal/ticket-attachment';
import { addJob, queueDefinitions } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import type { GlpiClient } from '../glpi/glpi-client';
import { openToken } from '../glpi/client-token-vault';
import { GlpiNotFoundError, GlpiPermissionError, GlpiRequestError, GlpiSessionError } from '../glpi/glpi-errors';
import { workerConfig } from '../worker-config';
import { readBackTicket } from '../sync/read-back';
import type { SyncOptions } from '../sync/sync-context';
import { companyEntityScope, type GlpiSessionPool } from '../glpi/glpi-session-pool';
import { getGlpiPool } from '../glpi-runtime';

export type OutboxDeliveryOptions = {
  pool?: () => GlpiSessionPool;
  /** How the ticket is read back after delivery (tests: the simulator's clock); default: the worker's. */
  syncOptions?: SyncOptions;
  /** Tests only: runs after GLPI accepted the write and before the local update — where a crash hurts. */
  afterGlpiWrite?: (entry: GlpiOutboxEntry, glpiId: number) => void | Promise<void>;
  /**
   * Asked right before the write, once the look-up found nothing: false when this delivery's job
   * is no longer this worker's (its lock expired while it stalled, and another worker may be
   * looking up the same row). The processor asks BullMQ by extending the job's lock.
   */
  stillHeld?: () => Promise<boolean>;
};

/** The job was handed to another worker before this one wrote: it writes nothing, the other delivers. */
export class DeliveryHandedOnError extends Error {}

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

/**
 * Delivers one outbox row to GLPI: a Ticket in the company's entity, or an ITILFollowup on a ticket
 * of that entity, written in a session of the client's own GLPI user, so that GLPI's rights and
 * history name the client and technicians see who wrote. The row's idempotency key travels in the
 * content; before creating, the service account looks for it in the entity, so a worker that died
 * after GLPI accepted the write but before recording it does not create it twice on retry.
 */
export async function deliverOutboxEntry(outboxId: number, options: OutboxDeliveryOptions = {}): Promise<number | null> {
  const entry = await GlpiOutboxEntry.findByPk(outboxId);
  if (!entry || entry.state === 'delivered' || entry.state === 'failed') return null;
  const entityId = await companyEntity(entry.companyId);
  const author = await glpiAccountOf(entry);
  const ticketId = entry.kind === 'ticket' ? null : await targetTicket(entry);
  const answer = (client: GlpiClient, onTicket: number) =>
    entry.kind === 'approval'
      ? sendApproval(client, entry, onTicket)
      : entry.kind === 'document'
        ? sendDocument(client, entry, onTicket)
        : entry.kind === 'satisfaction'
          ? sendSatisfaction(client, entry, onTicket, options.syncOptions?.glpiUtcOffsetMinutes ?? workerConfig.GLPI_UTC_OFFSET_MINUTES)
          : sendReply(client, entry, onTicket);

  await entry.update({ state: 'sending', attempts: entry.attempts + 1 });
  const pool = (options.pool ?? getGlpiPool)();
  const previous = await pool.withEntity(
    entityId,
    (client) =>
      ticketId === null
        ? findTicket(client, entry)
        : entry.kind === 'document'
          ? findDocument(client, entry, ticketId)
          : // Writing the same answer twice leaves GLPI as once: nothing to look for, only the ticket's entity to check.
            entry.kind === 'satisfaction'
            ? assertTicketInEntity(client, ticketId).then(() => null)
            : findFollowup(client, entry, ticketId),
    companyEntityScope,
  );
  // Between the look-up and the write, only the job's holder may go on: two workers that both
  // looked up and found nothing would both create (decisions/131).
  if (previous === null && options.stillHeld && !(await options.stillHeld())) {
    throw new DeliveryHandedOnError(`outbox ${entry.id}: the job was handed to another worker before the write`);
  }
  const glpiId =
    previous ??
    (ticketId === null
      ? await asClient(pool, entry, author, (client) => sendTicket(client, entry, entityId, author.glpiUserId))
      : await asClient(pool, entry, author, (client) => answer(client, ticketId)).catch((error: unknown) => {
          // GLPI refused the client's own account this reply (a colleague's ticket they do not follow):
          // the service account posts it, marked, rather than losing it.
          if (!(error instanceof GlpiPermissionError || error instanceof GlpiRequestError)) throw error;
          logger.warn({ err: error, outboxId: entry.id }, "reply refused to the client's GLPI account: sent by the service account");
          return pool.withEntity(entityId, (client) => answer(client, ticketId), companyEntityScope);
        }));
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
  // Write-through: the client sees GLPI's own row at once, not at the next sync cycle.
  await readBackTicket(pool, entry.companyId, ticketId ?? glpiId, options.syncOptions);
  return glpiId;
}

/**
 * The company's GLPI link is not usable (provisioning pending or failed, the entity gone or
 * another's): the row waits, without spending its attempts, until provisioning releases it.
 */
export class WaitingForLinkError extends Error {}

/** The `glpi-outbox` consumer: retries with back-off while GLPI is down; refusals fail the row at once. */
export function deliverOutboxProcessor(options: OutboxDeliveryOptions = {}) {
  return async (job: Job, token?: string): Promise<{ glpiId: number | null; waiting?: true; stale?: true; handedOn?: true }> => {
    const { outboxId, key } = queueDefinitions['glpi-outbox'].payload.parse(job.data);
    if (key !== undefined) {
      const entry = await GlpiOutboxEntry.findByPk(outboxId, { attributes: ['id', 'idempotencyKey'] });
      if (entry?.idempotencyKey !== key) {
        // A job an earlier database left in Redis: the row that has its id now is other work.
        logger.warn({ outboxId, jobId: job.id }, 'outbox job of a row that no longer exists: dropped');
        return { glpiId: null, stale: true };
      }
    }
    // The lock outlives GLPI_TIMEOUT_MS (30 s against 15 s by default): a write that passed this
    // check has its answer, or has been given up, before another worker can take the job.
    const stillHeld = token === undefined ? undefined : async () => (await job.extendLock(token, workerConfig.JOB_LOCK_MS)) === 1;
    try {
      return { glpiId: await deliverOutboxEntry(outboxId, { stillHeld, ...options }) };
    } catch (error) {
      if (error instanceof DeliveryHandedOnError) {
        // The row is the other worker's now: left as it is.
        logger.warn({ outboxId, jobId: job.id }, error.message);
        return { glpiId: null, handedOn: true };
      }
      if (error instanceof WaitingForLinkError) {
        await GlpiOutboxEntry.update(
          { state: 'pending', lastError: error.message.slice(0, 2000) },
          { where: { id: outboxId, state: ['pending', 'sending'] } },
        );
        logger.info({ outboxId, reason: error.message }, "outbox row waits for its company's GLPI link");
        return { glpiId: null, waiting: true };
      }
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
  if (link?.identityLostAt)
    throw new WaitingForLinkError(`the GLPI entity of company ${companyId} must be repaired: ${link.identityProblem ?? ''}`);
  if (link?.glpiEntityId == null || link.provisioningState !== 'done') {
    if (!link) await requestProvisioning({ companyId });
    throw new WaitingForLinkError(`company ${companyId} is not provisioned in GLPI yet`);
  }
  return link.glpiEntityId;
}

/** token null: the author no longer opens tickets; the service account writes, naming them. */
type Author = { glpiUserId: number; token: string | null };

/** The client's GLPI user and its API token; when either is missing, provisioning gives them and this row waits. */
async function glpiAccountOf(entry: GlpiOutboxEntry): Promise<Author> {
  const link = await GlpiUserLink.findByPk(entry.userId);
  const token = openToken(link?.apiTokenSealed ?? null, workerConfig.tokenSealKey);
  if (link && token) return { glpiUserId: link.glpiUserId, token };
  // Written before its author was deactivated or made billing (their GLPI account was taken, and
  // provisioning will not give it back): sent all the same, never left waiting for ever.
  if (link && !(await opensTickets(entry.userId))) return { glpiUserId: link.glpiUserId, token: null };
  await requestProvisioning(entry);
  throw new WaitingForLinkError(
    link ? `the GLPI account of user ${entry.userId} has no API token yet` : `user ${entry.userId} has no GLPI account yet`,
  );
}

/** A user who joined after provisioning, or whose token GLPI no longer knows: provisioning again gives it. */
async function requestProvisioning(entry: { companyId: number }): Promise<void> {
  try {
    await addJob('provision-client', { companyId: entry.companyId }, { deduplication: { id: `provision-${entry.companyId}-for-outbox` } });
  } catch (error) {
    logger.warn({ err: error, companyId: entry.companyId }, 'provisioning for an outbox author not queued');
  }
}

async function opensTickets(userId: number): Promise<boolean> {
  const user = await User.findByPk(userId, { attributes: ['id', 'active', 'companyRole'] });
  return Boolean(user?.active && user.companyRole !== null && ticketRoles.includes(user.companyRole));
}

/** Runs a write in a session of the client's own GLPI user. A token GLPI refuses is forgotten and re-issued. */
async function asClient<T>(
  pool: GlpiSessionPool,
  entry: GlpiOutboxEntry,
  author: Author,
  work: (client: GlpiClient) => Promise<T>,
): Promise<T> {
  if (author.token === null) return pool.withEntity(await companyEntity(entry.companyId), work, companyEntityScope);
  try {
    return await pool.asUser(author.token, work);
  } catch (error) {
    if (!(error instanceof GlpiSessionError) || error.code !== 'ERROR_GLPI_LOGIN_USER_TOKEN') throw error;
    await GlpiUserLink.update({ apiTokenSealed: null }, { where: { userId: entry.userId } });
    await requestProvisioning(entry);
    throw new WaitingForLinkError(`GLPI refused the API token of user ${entry.userId}: a new one is being issued`);
  }
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

/** A ticket an earlier attempt created (its worker died before recording it). */
async function findTicket(client: GlpiClient, entry: GlpiOutboxEntry): Promise<number | null> {
  // The key is letters, digits and dashes: GLPI's storage encoding leaves it intact, so "contains" finds it.
  const previous = await client.searchPage('Ticket', {
    criteria: [{ field: 21, searchtype: 'contains', value: entry.idempotencyKey }],
    forcedisplay: [2],
    pageSize: 5,
  });
  const found = previous.rows.map((row) => searchIdRow.safeParse(row)).find((row) => row.success);
  return found?.success ? found.data['2'] : null;
}

/** The client is the requester: GLPI adds none by itself through the API, even for a Self-Service session. */
async function sendTicket(client: GlpiClient, entry: GlpiOutboxEntry, entityId: number, requesterId: number): Promise<number> {
  const payload = ticketPayloadSchema.parse(entry.payload);
  const created = await client.create('Ticket', {
    name: payload.title,
    content: plainTextToGlpiHtml(payload.content, entry.idempotencyKey),
    entities_id: entityId,
    _users_id_requester: requesterId,
    urgency: payload.urgency,
    type: glpiTicketType[payload.type],
    ...(payload.categoryId !== undefined ? { itilcategories_id: payload.categoryId } : {}),
    ...(payload.asset !== undefined ? { items_id: { [payload.asset.itemtype]: [payload.asset.glpiId] } } : {}),
  });
  return created.id;
}

async function sendReply(client: GlpiClient, entry: GlpiOutboxEntry, ticketId: number): Promise<number> {
  const payload = followupPayloadSchema.parse(entry.payload);
  return (await client.addFollowup(ticketId, plainTextToGlpiHtml(payload.content, entry.idempotencyKey))).id;
}

/**
 * Approving or refusing a solution is a follow-up carrying GLPI's approval-form buttons: GLPI
 * closes the ticket and accepts the solution (`add_close`), or reopens it and refuses the solution
 * (`add_reopen`, with the reason). An approval without comment says so, as GLPI's own does.
 */
async function sendApproval(client: GlpiClient, entry: GlpiOutboxEntry, ticketId: number): Promise<number> {
  const payload = approvalPayloadSchema.parse(entry.payload);
  const text = payload.content !== '' ? payload.content : 'Solution approuvée.';
  const content = plainTextToGlpiHtml(text, entry.idempotencyKey);
  const created = await client.create('ITILFollowup', {
    itemtype: 'Ticket',
    items_id: ticketId,
    content,
    ...(payload.decision === 'approve' ? { add_close: 1 } : { add_reopen: 1 }),
  });
  return created.id;
}

/**
 * A client's attachment: the stored file sent as a Document linked to the ticket. The idempotency
 * key is the Document's comment, which findDocument looks for before a retry uploads again.
 */
async function sendDocument(client: GlpiClient, entry: GlpiOutboxEntry, ticketId: number): Promise<number> {
  const payload = documentPayloadSchema.parse(entry.payload);
  const bytes = await readFile(ticketAttachmentPath(payload.storageName)).catch(() => {
    throw new UnrecoverableError(`attachment file ${payload.storageName} is missing`);
  });
  return (
    await client.uploadDocument({
      ticketId,
      fileName: payload.fileName,
      mime: payload.mime,
      bytes,
      comment: documentMarker(entry.idempotencyKey),
    })
  ).id;
}

const documentMarker = (key: string) => `ytech-outbox:${key}`;

/** A document an earlier attempt uploaded; refuses a ticket outside the company's entity. */
async function findDocument(client: GlpiClient, entry: GlpiOutboxEntry, ticketId: number): Promise<number | null> {
  await assertTicketInEntity(client, ticketId);
  const found = await client.findDocuments(entry.idempotencyKey);
  return found.find((document) => document.comment?.includes(documentMarker(entry.idempotencyKey)))?.id ?? null;
}

async function assertTicketInEntity(client: GlpiClient, ticketId: number): Promise<void> {
  try {
    // Scoped to the company's entity: a ticket of another company is out of reach (403), never answered.
    await client.getItem('Ticket', ticketId);
  } catch (error) {
    if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) {
      throw new UnrecoverableError(`GLPI ticket ${ticketId} not found in the company's entity`);
    }
    throw error;
  }
}

/** A reply an earlier attempt posted; refuses a ticket outside the company's entity. */
async function findFollowup(client: GlpiClient, entry: GlpiOutboxEntry, ticketId: number): Promise<number | null> {
  await assertTicketInEntity(client, ticketId);
  const followups = await client.getFollowups(ticketId);
  return followups.find((followup) => carriesOutboxMarker(followup.content, entry.idempotencyKey))?.id ?? null;
}

const surveyRowsSchema = z.array(z.looseObject({ id: z.number().int().positive() }));

/**
 * The answer to GLPI's satisfaction survey of the ticket (TicketSatisfaction), as GLPI's own flow
 * makes it: the survey exists (GLPI's inquest cron creates it; when the entity's survey is off, the
 * platform creates it the same way, `type` 1 internal, begun now), then the requester answers it by
 * an update, which makes GLPI stamp `date_answered`. GLPI lets only the ticket's requester answer
 * (TicketSatisfaction::canUpdateItem, a Super-Admin included), and no longer 12 hours after a first answer.
 */
async function sendSatisfaction(client: GlpiClient, entry: GlpiOutboxEntry, ticketId: number, offsetMinutes: number): Promise<number> {
  const payload = satisfactionPayloadSchema.parse(entry.payload);
  const existing = await client.session.request({
    method: 'GET',
    path: `/Ticket/${ticketId}/TicketSatisfaction`,
    query: [['get_hateoas', 'false']],
  });
  let surveyId = parse('TicketSatisfaction', surveyRowsSchema, existing)[0]?.id;
  if (surveyId === undefined) {
    const begun = new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    const created = await client.session.request({
      method: 'POST',
      path: '/TicketSatisfaction',
      body: { input: { tickets_id: ticketId, type: 1, date_begin: begun } },
    });
    surveyId = parse('TicketSatisfaction', onlyIdSchema, created).id;
  }
  // GLPI finds a survey by its ticket (TicketSatisfaction::getIndexName is tickets_id): the update is
  // addressed by the ticket's id and names it in the input, or GLPI fails it without a word.
  await client.session.request({
    method: 'PUT',
    path: `/TicketSatisfaction/${ticketId}`,
    body: { input: { tickets_id: ticketId, satisfaction: payload.rating, comment: payload.comment } },
  });
  return surveyId;
}
