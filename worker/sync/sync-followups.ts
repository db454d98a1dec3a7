import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import { GlpiSchemaError } from '../glpi/glpi-errors';
import { followupSchema, type GlpiItem } from '../glpi/glpi-schemas';
import { followupColumns, followupTicketId, followupValues, rawText } from './glpi-rows';
import { cacheTransaction } from './cache-transaction';
import { labelsFor } from './dropdown-labels';
import { refsOf } from './dropdown-refs';
import { glpiDateToUtc } from './glpi-time';
import type { PairWriter } from './pair-writer';
import { ticketPartRows } from './ticket-part-rows';
import type { SyncContext } from './sync-context';
import { answerEvents, recordEvents, type ArrivedFollowup } from './ticket-events';
import { upsertRows, utcNow } from './upsert-batch';

export type Followup = GlpiItem<'ITILFollowup'>;
type Route = { entityId: number; companyId: number };
type Prepared = { followups: Followup[]; known: Set<number> };

const followupKey: ReadonlySet<string> = new Set(['glpi_id']);

/**
 * Follow-ups, read server-wide by their own `date_mod` (`GET /ITILFollowup` ignores the active
 * entity, GLPI-API.md): GLPI does not always move a ticket's `date_mod` when one is added (a closed
 * ticket never taken into account keeps it), so reading them through their tickets misses some.
 * Each row is routed to the company whose cached ticket it answers; rows of tickets not (yet) in a
 * client's cache are kept unrouted, and routed when their ticket arrives (routeFollowupsOf).
 */
export function followupWriter(ctx: SyncContext): PairWriter<Prepared> {
  const offset = ctx.options.glpiUtcOffsetMinutes;
  return {
    itemtype: 'ITILFollowup',
    expand: false,
    // GLPI purges follow-ups; the reconcile compares ids (a full list would carry every text).
    hasTrash: false,
    reconcileBy: 'id',
    async prepare(_client, rows) {
      const followups = parseFollowups(rows);
      const cached = await cachedFollowups(followups.map((f) => f.id));
      const changed = followups.filter((f) => {
        const before = cached.get(f.id);
        return !before || before.deleted || before.d !== glpiDateToUtc(f.date_mod, offset) || before.raw !== JSON.stringify(f);
      });
      return { followups: changed, known: new Set([...cached.keys()]) };
    },
    async write({ followups, known }, mode, transaction) {
      const routes = await ticketRoutes(followups.map(followupTicketId), transaction);
      const labels = await labelsFor(followups, refsOf('glpi_ticket_followups'), transaction);
      const values = followups.map((f) => followupValues(f, routes.get(followupTicketId(f)) ?? null, offset, mode.deletedAt, labels));
      await upsertRows('glpi_ticket_followups', followupColumns, values, transaction, followupKey);
      if (mode.events) {
        const arrived: ArrivedFollowup[] = followups.flatMap((f) => {
          const route = routes.get(followupTicketId(f));
          return route && !known.has(f.id)
            ? [
                {
                  id: f.id,
                  ticketId: f.items_id,
                  entityId: route.entityId,
                  companyId: route.companyId,
                  usersId: f.users_id || null,
                  isPrivate: f.is_private === 1,
                  content: f.content,
                  postedAt: glpiDateToUtc(f.date, offset),
                },
              ]
            : [];
        });
        await recordEvents(await answerEvents(arrived, transaction), transaction);
      }
      return followups.length;
    },
    ...ticketPartRows('glpi_ticket_followups'),
  };
}

/**
 * Tickets just written to an entity's cache take their follow-ups along: those read before the
 * ticket (unrouted) or routed to another entity (a ticket GLPI moved between entities). Returns
 * the follow-ups that reached the company, for its events.
 */
export async function routeFollowupsOf(ticketIds: number[], route: Route, transaction: Transaction): Promise<ArrivedFollowup[]> {
  if (ticketIds.length === 0) return [];
  const rows = await sequelize.query<{
    rid: number;
    id: number;
    ticket: number;
    user: number | null;
    private: number;
    content: string | null;
    posted: string | null;
  }>(
    `SELECT id AS rid, glpi_id AS id, glpi_ticket_id AS ticket, glpi_user_id AS user, is_private AS private, content,
            DATE_FORMAT(posted_at, '%Y-%m-%d %H:%i:%s') AS posted
     FROM glpi_ticket_followups WHERE glpi_ticket_id IN (:ticketIds) AND (glpi_entity_id IS NULL OR glpi_entity_id <> :entity)`,
    { replacements: { ticketIds, entity: route.entityId }, type: QueryTypes.SELECT, transaction },
  );
  if (rows.length === 0) return [];
  await sequelize.query(
    'UPDATE glpi_ticket_followups SET glpi_entity_id = :entity, company_id = :company, updated_at = :now WHERE id IN (:ids)',
    {
      replacements: { entity: route.entityId, company: route.companyId, now: utcNow(), ids: rows.map((row) => row.rid) },
      transaction,
    },
  );
  return rows.map((row) => ({
    id: Number(row.id),
    ticketId: Number(row.ticket),
    entityId: route.entityId,
    companyId: route.companyId,
    usersId: row.user === null ? null : Number(row.user),
    isPrivate: Number(row.private) === 1,
    content: row.content,
    postedAt: row.posted,
  }));
}

/**
 * Follow-ups whose ticket is in a company's cache but which are not routed there yet. The server-wide
 * follow-up pass and a company's ticket pass run at the same time: each routes what the other had
 * committed when it looked, and a follow-up and its ticket written in the same instant can each miss
 * the other. This sweep, run after each of the two commits (as a transaction of its own, so it sees
 * both), closes that gap: whichever commit comes second, its sweep sees the first.
 */
export async function routeStrayFollowups(scope: { entityId: number; companyId: number } | 'all'): Promise<number> {
  const strays = await sequelize.query<{ e: number; c: number; ticket: number }>(
    scope === 'all'
      ? `SELECT DISTINCT t.glpi_entity_id AS e, t.company_id AS c, t.glpi_id AS ticket FROM glpi_ticket_followups f
         JOIN glpi_tickets t ON t.glpi_id = f.glpi_ticket_id AND t.deleted_at IS NULL
         WHERE f.glpi_entity_id IS NULL AND f.glpi_ticket_id > 0`
      : `SELECT DISTINCT t.glpi_entity_id AS e, t.company_id AS c, t.glpi_id AS ticket FROM glpi_tickets t
         JOIN glpi_ticket_followups f ON f.glpi_ticket_id = t.glpi_id
         WHERE t.glpi_entity_id = :entityId AND t.deleted_at IS NULL AND (f.glpi_entity_id IS NULL OR f.glpi_entity_id <> t.glpi_entity_id)`,
    { replacements: scope === 'all' ? {} : { entityId: scope.entityId }, type: QueryTypes.SELECT },
  );
  const byRoute = new Map<string, number[]>();
  for (const stray of strays)
    byRoute.set(`${Number(stray.e)}:${Number(stray.c)}`, [
      ...(byRoute.get(`${Number(stray.e)}:${Number(stray.c)}`) ?? []),
      Number(stray.ticket),
    ]);
  let routed = 0;
  for (const [key, ticketIds] of byRoute) {
    const [entityId, companyId] = key.split(':').map(Number) as [number, number];
    routed += await cacheTransaction(async (transaction) => {
      const arrived = await routeFollowupsOf(ticketIds, { entityId, companyId }, transaction);
      await recordEvents(await answerEvents(arrived, transaction), transaction);
      return arrived.length;
    });
  }
  return routed;
}

export function parseFollowups(rows: unknown[]): Followup[] {
  const parsed = followupSchema.array().safeParse(rows);
  if (!parsed.success) throw new GlpiSchemaError('ITILFollowup', parsed.error.issues, null);
  return parsed.data;
}

async function ticketRoutes(ticketIds: number[], transaction: Transaction): Promise<Map<number, Route>> {
  const wanted = [...new Set(ticketIds.filter((id) => id > 0))];
  if (wanted.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; e: number; c: number }>(
    'SELECT glpi_id AS id, glpi_entity_id AS e, company_id AS c FROM glpi_tickets WHERE glpi_id IN (:wanted) AND deleted_at IS NULL',
    { replacements: { wanted }, type: QueryTypes.SELECT, transaction },
  );
  return new Map(rows.map((row) => [Number(row.id), { entityId: Number(row.e), companyId: Number(row.c) }]));
}

async function cachedFollowups(ids: number[]): Promise<Map<number, { d: string | null; deleted: boolean; raw: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<{ id: number; d: string | null; deleted: number; raw: unknown }>(
    `SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d, deleted_at IS NOT NULL AS deleted, raw
     FROM glpi_ticket_followups WHERE glpi_id IN (:ids)`,
    { replacements: { ids }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [Number(row.id), { d: row.d, deleted: Number(row.deleted) === 1, raw: rawText(row.raw) }]));
}
