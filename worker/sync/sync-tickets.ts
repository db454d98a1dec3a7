import { isFromPortal } from '../../server/glpi-outbox/outbox-marker';
import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import { parseTicket, rawText, ticketColumns, ticketValues, type ParsedTicket, type RowTarget } from './glpi-rows';
import { glpiDateToUtc } from './glpi-time';
import type { PairWriter } from './pair-writer';
import type { SyncContext, SyncTarget } from './sync-context';
import { cachedFollowupIds, replaceFollowups, type Followup } from './sync-followups';
import { recordEvents, statusEventKind, type SyncEventInput } from './ticket-events';
import { upsertRows, utcNow } from './upsert-batch';

type Cached = { id: number; status: number; d: string | null; deleted: number; raw: string };
type PreparedTickets = {
  /** New or changed tickets only: a row re-read in the overlap is left as the cache has it. */
  tickets: ParsedTicket[];
  requesters: Map<number, number | null>;
  cached: Map<number, Cached>;
  followups: Map<number, Followup[]>;
  knownFollowups: Set<number>;
};

/**
 * Tickets: besides their rows, the requester (search option 4: the list has no requester column)
 * and, on later cycles, the follow-ups of each changed ticket, read before the page's transaction.
 * Inside it, the previous row tells what changed: events are recorded in the same transaction as the
 * new row, so a restart can neither lose nor repeat one.
 */
export function ticketWriter(ctx: SyncContext, target: SyncTarget, options: { followupEvents: boolean; clientGlpiUserIds: Set<number> }): PairWriter<PreparedTickets> {
  let allRequesters: Map<number, number | null> | null = null;
  const rowTarget = (deletedAt: string | null): RowTarget => ({
    entityId: target.entityId, companyId: target.companyId, offsetMinutes: ctx.options.glpiUtcOffsetMinutes, deletedAt,
  });
  return {
    itemtype: 'Ticket',
    table: 'glpi_tickets',
    async beforeRead(client, mode) {
      // A first sync needs every requester: one search pass beats one per page.
      allRequesters = mode.firstSync && !mode.trash ? await readRequesters(client, null, ctx.options.pageSize) : null;
    },
    async prepare(client, rows, mode) {
      const tickets = rows.map(parseTicket);
      const cached = mode.firstSync ? new Map<number, Cached>() : await cachedTickets(target.entityId, tickets.map((t) => t.id));
      const offset = ctx.options.glpiUtcOffsetMinutes;
      // date_mod has a one-second grain: a second write in the same second only shows in the row.
      const changed = tickets.filter((t) => {
        const before = cached.get(t.id);
        return !before || before.deleted === 1 || before.d !== glpiDateToUtc(t.date_mod, offset) || before.raw !== JSON.stringify(t);
      });
      // A follow-up leaves its ticket's row unchanged when it lands in the second the last cycle
      // already saw: while that second is recent, its tickets have their follow-ups read again too.
      const withFollowups = tickets.filter((t) => changed.includes(t) || (mode.watermarkRecent && mode.watermark !== null && (t.date_mod ?? '') >= mode.watermark));
      let requesters = allRequesters ?? new Map<number, number | null>();
      if (!allRequesters && changed.length > 0 && !mode.trash) {
        const oldest = changed.reduce<string | null>((min, t) => (t.date_mod && (!min || t.date_mod < min) ? t.date_mod : min), null);
        requesters = await readRequesters(client, oldest, ctx.options.pageSize);
      }
      const followups = new Map<number, Followup[]>();
      if (!mode.firstSync && !mode.trash) {
        await forEachLimited(withFollowups, ctx.options.followupConcurrency, async (ticket) => {
          followups.set(ticket.id, await client.getFollowups(ticket.id));
        });
      }
      const knownFollowups = await cachedFollowupIds(target.entityId, [...followups.keys()]);
      return { tickets: changed, requesters, cached, followups, knownFollowups };
    },
    async write(prepared, mode, transaction) {
      const target0 = rowTarget(mode.deletedAt);
      const values = prepared.tickets.map((ticket) => ticketValues(ticket, prepared.requesters.get(ticket.id) ?? null, target0));
      await upsertRows('glpi_tickets', ticketColumns, values, transaction);
      if (prepared.followups.size > 0) await replaceFollowups(prepared.followups, rowTarget(null), transaction);
      if (mode.events && !mode.trash) await recordEvents(eventsOf(prepared, target, options), transaction);
      return prepared.tickets.length;
    },
    async liveCount() {
      const [row] = await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM glpi_tickets WHERE glpi_entity_id = :entity AND deleted_at IS NULL',
        { replacements: { entity: target.entityId }, type: QueryTypes.SELECT });
      return Number(row?.n ?? 0);
    },
    async markDeleted(ids: number[], transaction: Transaction) {
      if (ids.length === 0) return;
      const replacements = { entity: target.entityId, ids, now: utcNow() };
      await sequelize.query('UPDATE glpi_tickets SET deleted_at = :now, updated_at = :now WHERE glpi_entity_id = :entity AND glpi_id IN (:ids) AND deleted_at IS NULL',
        { replacements, transaction });
      await sequelize.query('UPDATE glpi_ticket_followups SET deleted_at = :now, updated_at = :now WHERE glpi_entity_id = :entity AND glpi_ticket_id IN (:ids) AND deleted_at IS NULL',
        { replacements, transaction });
    },
    async cachedIdDates() {
      const rows = await sequelize.query<{ id: number; d: string | null }>(
        `SELECT glpi_id AS id, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d FROM glpi_tickets
         WHERE glpi_entity_id = :entity AND deleted_at IS NULL`,
        { replacements: { entity: target.entityId }, type: QueryTypes.SELECT },
      );
      return new Map(rows.map((row) => [Number(row.id), row.d]));
    },
  };
}

function eventsOf(prepared: PreparedTickets, target: SyncTarget, options: { followupEvents: boolean; clientGlpiUserIds: Set<number> }): SyncEventInput[] {
  const events: SyncEventInput[] = [];
  for (const ticket of prepared.tickets) {
    const before = prepared.cached.get(ticket.id);
    const name = ticket.name;
    if (before && before.deleted === 0 && before.status !== ticket.status) {
      events.push({
        companyId: target.companyId, entityId: target.entityId, kind: statusEventKind(ticket.status), ticketId: ticket.id,
        followupId: null, statusFrom: before.status, statusTo: ticket.status, ticketName: name?.slice(0, 255) ?? null,
        dedupeKey: `t:${target.entityId}:${ticket.id}:s${ticket.status}:${ticket.date_mod ?? ''}`,
        occurredAt: ticket.date_mod ?? null,
      });
    }
    if (!options.followupEvents) continue;
    const requester = prepared.requesters.get(ticket.id) ?? null;
    for (const followup of prepared.followups.get(ticket.id) ?? []) {
      if (prepared.knownFollowups.has(followup.id) || followup.is_private === 1) continue;
      // A technician's answer: not written by the client's own people.
      // Replies sent from the portal are posted by the API account: their reference tells them apart.
      if (options.clientGlpiUserIds.has(followup.users_id) || followup.users_id === requester || isFromPortal(followup.content)) continue;
      events.push({
        companyId: target.companyId, entityId: target.entityId, kind: 'followup_added', ticketId: ticket.id, followupId: followup.id,
        statusFrom: null, statusTo: null, ticketName: name?.slice(0, 255) ?? null, dedupeKey: `f:${target.entityId}:${followup.id}`,
        occurredAt: followup.date ?? null,
      });
    }
  }
  return events;
}

async function cachedTickets(entityId: number, ids: number[]): Promise<Map<number, Cached>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<Omit<Cached, 'raw'> & { raw: unknown }>(
    `SELECT glpi_id AS id, status, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d, deleted_at IS NOT NULL AS deleted, raw
     FROM glpi_tickets WHERE glpi_entity_id = :entityId AND glpi_id IN (:ids)`,
    { replacements: { entityId, ids }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [Number(row.id), { ...row, id: Number(row.id), status: Number(row.status), deleted: Number(row.deleted), raw: rawText(row.raw) }]));
}

/** Requesters by ticket id from search option 4 (a user id as text, an array when several: the first one). */
async function readRequesters(client: GlpiClient, since: string | null, pageSize: number): Promise<Map<number, number | null>> {
  const { rows } = await client.search('Ticket', {
    criteria: since ? [{ field: 19, searchtype: 'morethan', value: `=${since}` }] : [],
    forcedisplay: [2, 4], sort: 2, order: 'ASC', pageSize,
  });
  const map = new Map<number, number | null>();
  for (const row of rows) {
    const id = Number(row['2']);
    const raw = row['4'];
    const first = Array.isArray(raw) ? raw[0] : raw;
    const user = typeof first === 'string' || typeof first === 'number' ? Number(first) : NaN;
    if (Number.isInteger(id)) map.set(id, Number.isInteger(user) && user > 0 ? user : null);
  }
  return map;
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(runners);
}
