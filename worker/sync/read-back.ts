import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { GlpiCompanyLink } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import { companyEntityScope, type GlpiSessionPool } from '../glpi/glpi-session-pool';
import { GlpiSchemaError } from '../glpi/glpi-errors';
import { logger } from '../../server/logger';
import { cacheTransaction } from './cache-transaction';
import { listedRowSchema } from './glpi-rows';
import type { WriteMode } from './pair-writer';
import { configuredSyncOptions, type CompanyTarget, type SyncContext, type SyncOptions } from './sync-context';
import { followupWriter, routeStrayFollowups } from './sync-followups';
import { solutionWriter } from './sync-solutions';
import { ticketWriter } from './sync-tickets';
import { readTicketItems } from './ticket-items';

/**
 * Write-through: right after the outbox delivered a client's ticket or reply, that ticket, its
 * follow-ups, solutions and linked items are read back from GLPI into the cache, so the client sees
 * GLPI's own row (number, status, their reply in the conversation) at once instead of at the next sync cycle. The same
 * writers as the sync, so the row is the one the sync would have written; the next cycle finds it
 * unchanged. A failure here costs only that delay: it is logged, never fails the delivery.
 */
export async function readBackTicket(
  pool: GlpiSessionPool,
  companyId: number,
  glpiTicketId: number,
  options: SyncOptions = configuredSyncOptions(),
): Promise<void> {
  try {
    const link = await GlpiCompanyLink.findByPk(companyId);
    if (!link?.glpiEntityId) return;
    const target = { companyId, entityId: link.glpiEntityId };
    const ctx: SyncContext = { pool, options, logger, stop: { stopping: false } };
    await pool.withEntity(target.entityId, (client) => readBackIn(client, ctx, target, glpiTicketId), companyEntityScope);
    await routeStrayFollowups(target);
  } catch (error) {
    logger.warn({ err: error, companyId, glpiTicketId }, 'ticket not read back after delivery: the next sync cycle brings it');
  }
}

/** GLPI's ticket, its follow-ups and its solutions, written as the sync writes them, in one transaction. */
async function readBackIn(client: GlpiClient, ctx: SyncContext, target: CompanyTarget, glpiTicketId: number): Promise<void> {
  const subItems = (itemtype: 'ITILFollowup' | 'ITILSolution') =>
    client.session.request({
      method: 'GET',
      path: `/Ticket/${glpiTicketId}/${itemtype}`,
      query: [
        ['range', '0-999'],
        ['get_hateoas', 'false'],
      ],
    });
  const ticket = await client.session.request({ method: 'GET', path: `/Ticket/${glpiTicketId}`, query: [['get_hateoas', 'false']] });
  const followups = await subItems('ITILFollowup');
  const solutions = await subItems('ITILSolution');
  const row = parsed(z.array(listedRowSchema).length(1), [ticket.body])[0]!;
  const mode: WriteMode = { firstSync: false, trash: false, events: await firstSyncDone(target.companyId), deletedAt: null };
  const tickets = ticketWriter(ctx, target);
  const answers = followupWriter(ctx);
  // Approvals leave a solution's date_mod alone: its row is rewritten from what GLPI holds now.
  const solved = solutionWriter(ctx);
  const preparedTicket = await tickets.prepare(client, [row], mode);
  const preparedFollowups = await answers.prepare(client, parsed(z.array(listedRowSchema), followups.body), mode);
  const preparedSolutions = await solved.prepare(client, parsed(z.array(listedRowSchema), solutions.body), mode);
  // A ticket a cycle already read is unchanged for the writer, which then reads no links: they are read all the same.
  if (preparedTicket.tickets.length === 0) preparedTicket.items = await readTicketItems(client, [glpiTicketId], ctx.options.pageSize);
  // One transaction: a page never shows a refused solution beside a ticket still "solved".
  await cacheTransaction(async (transaction) => {
    await tickets.write(preparedTicket, mode, transaction);
    await answers.write(preparedFollowups, mode, transaction);
    await solved.write(preparedSolutions, mode, transaction);
  });
}

function parsed<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new GlpiSchemaError('Ticket', result.error.issues, null);
  return result.data;
}

/** Events (status changes, answers) only once the company's first ticket sync is done, as in the sync. */
async function firstSyncDone(companyId: number): Promise<boolean> {
  const [row] = await sequelize.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM glpi_sync_state WHERE company_id = :companyId AND itemtype = 'Ticket' AND read_from IS NOT NULL",
    { replacements: { companyId }, type: QueryTypes.SELECT },
  );
  return Number(row?.n ?? 0) > 0;
}
