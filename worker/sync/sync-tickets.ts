import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import { parseTicket, rawText, ticketColumns, ticketTitle, ticketValues, type ParsedTicket, type RowTarget } from './glpi-rows';
import { labelsFor } from './dropdown-labels';
import { refsOf } from './dropdown-refs';
import { glpiDateToUtc } from './glpi-time';
import type { PairWriter } from './pair-writer';
import type { CompanyTarget, SyncContext } from './sync-context';
import { routeFollowupsOf } from './sync-followups';
import { answerEvents, recordEvents, statusEventKind, type SyncEventInput } from './ticket-events';
import { upsertRows, utcNow } from './upsert-batch';
import { cacheTransaction } from './cache-transaction';
import { readTicketItems, writeTicketItems, type TicketItems } from './ticket-items';
import { actorsRead, markActorsRead, readTicketActors, writeTicketActors, type TicketActors } from './ticket-actors';

type Cached = { id: number; status: number; d: string | null; deleted: number; raw: string };
type PreparedTickets = {
  /** New or changed tickets only: a row re-read in the overlap is left as the cache has it. */
  tickets: ParsedTicket[];
  actors: Map<number, TicketActors>;
  cached: Map<number, Cached>;
  /** Links to the items they are about, of the changed tickets (none on a first sync: read whole after it). */
  items: TicketItems;
};

/**
 * Tickets: besides their rows, their requesters and observers (ticket-actors.ts: the list has no
 * actor columns), read before the page's transaction. Inside it, the previous row tells what
 * changed: events are recorded in the same transaction as the new row, so a restart can neither
 * lose nor repeat one.
 * Follow-ups are read server-wide (sync-followups.ts); a ticket new to the entity takes along those
 * already read for it. The items a changed ticket is about are read with it (ticket-items.ts).
 */
export function ticketWriter(ctx: SyncContext, target: CompanyTarget): PairWriter<PreparedTickets> {
  let allActors: Promise<Map<number, TicketActors>> | null = null;
  const offset = ctx.options.glpiUtcOffsetMinutes;
  const rowTarget = (deletedAt: string | null): RowTarget => ({
    entityId: target.entityId,
    companyId: target.companyId,
    offsetMinutes: offset,
    deletedAt,
  });
  return {
    itemtype: 'Ticket',
    // Names of its category and recipient from the dropdown rows: GLPI expanding them costs ten times more.
    expand: false,
    async beforeRead(client, mode) {
      allActors = null;
      if (mode.trash) return;
      if (mode.firstSync) {
        // A first sync needs every ticket's actors: one search pass beats one per page. It runs while
        // the list's first windows are read; the first page's prepare waits for it.
        const reading = readTicketActors(client, null, ctx.options.pageSize).then(async (actors) => {
          await markActorsRead(target.entityId);
          return actors;
        });
        // A read with no page to prepare (no ticket) drops it, failure included.
        reading.catch(() => undefined);
        allActors = reading;
      } else if (!(await actorsRead(target.entityId))) {
        // Tickets cached before actors were read: they get theirs once, whether they change or not.
        const actors = await readTicketActors(client, null, ctx.options.pageSize);
        await cacheTransaction(async (transaction) => {
          await writeTicketActors(target.entityId, actors, [...actors.keys()], transaction);
          await markActorsRead(target.entityId, transaction);
        });
      }
    },
    async prepare(client, rows, mode) {
      const tickets = rows.map(parseTicket);
      const cached = mode.firstSync
        ? new Map<number, Cached>()
        : await cachedTickets(
            target.entityId,
            tickets.map((t) => t.id),
          );
      // date_mod has a one-second grain: a second write in the same second only shows in the row.
      const changed = tickets.filter((t) => {
        const before = cached.get(t.id);
        return !before || before.deleted === 1 || before.d !== glpiDateToUtc(t.date_mod, offset) || before.raw !== JSON.stringify(t);
      });
      const actors = new Map(allActors ? await allActors : []);
      // Tickets the first pass did not see (created since) are read like an incremental cycle's.
      const unread = mode.trash ? [] : changed.filter((t) => !actors.has(t.id));
      if (unread.length > 0) {
        const oldest = unread.reduce<string | null>((min, t) => (t.date_mod && (!min || t.date_mod < min) ? t.date_mod : min), null);
        for (const [id, found] of await readTicketActors(client, oldest, ctx.options.pageSize)) actors.set(id, found);
      }
      // A first sync takes GLPI's whole link list once after its last page (sync-company.ts).
      const items =
        mode.trash || mode.firstSync
          ? new Map()
          : await readTicketItems(
              client,
              changed.map((t) => t.id),
              ctx.options.pageSize,
            );
      return { tickets: changed, actors, cached, items };
    },
    async write(prepared, mode, transaction) {
      const labels = await labelsFor(prepared.tickets, refsOf('glpi_tickets'), transaction);
      const values = prepared.tickets.map((ticket) =>
        ticketValues(ticket, prepared.actors.get(ticket.id)?.requesters[0] ?? null, rowTarget(mode.deletedAt), labels),
      );
      await upsertRows('glpi_tickets', ticketColumns, values, transaction);
      await writeTicketActors(
        target.entityId,
        prepared.actors,
        prepared.tickets.map((t) => t.id),
        transaction,
      );
      await writeTicketItems(target, prepared.items, transaction);
      if (mode.trash) return prepared.tickets.length;
      const arrivedHere = prepared.tickets
        .filter((t) => {
          const before = prepared.cached.get(t.id);
          return !before || before.deleted === 1;
        })
        .map((t) => t.id);
      const arrived = await routeFollowupsOf(arrivedHere, target, transaction);
      if (mode.events)
        await recordEvents([...statusEvents(prepared, target, offset), ...(await answerEvents(arrived, transaction))], transaction);
      return prepared.tickets.length;
    },
    async liveCount() {
      const [row] = await sequelize.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM glpi_tickets WHERE glpi_entity_id = :entity AND deleted_at IS NULL',
        { replacements: { entity: target.entityId }, type: QueryTypes.SELECT },
      );
      return Number(row?.n ?? 0);
    },
    async markDeleted(ids: number[], transaction: Transaction) {
      if (ids.length === 0) return;
      // Their follow-ups stay: a trashed ticket keeps them in GLPI, and the portal hides both.
      await sequelize.query(
        'UPDATE glpi_tickets SET deleted_at = :now, updated_at = :now WHERE glpi_entity_id = :entity AND glpi_id IN (:ids) AND deleted_at IS NULL',
        { replacements: { entity: target.entityId, ids, now: utcNow() }, transaction },
      );
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

/** A status that moved on a ticket the cache already showed. Titles as GLPI shows them, decoded. */
function statusEvents(prepared: PreparedTickets, target: CompanyTarget, offset: number): SyncEventInput[] {
  return prepared.tickets.flatMap((ticket) => {
    const before = prepared.cached.get(ticket.id);
    if (!before || before.deleted !== 0 || before.status === ticket.status) return [];
    return [
      {
        companyId: target.companyId,
        entityId: target.entityId,
        kind: statusEventKind(ticket.status),
        ticketId: ticket.id,
        followupId: null,
        statusFrom: before.status,
        statusTo: ticket.status,
        ticketName: ticketTitle(ticket.name),
        dedupeKey: `t:${target.entityId}:${ticket.id}:s${ticket.status}:${ticket.date_mod ?? ''}`,
        occurredAt: glpiDateToUtc(ticket.date_mod, offset),
      },
    ];
  });
}

async function cachedTickets(entityId: number, ids: number[]): Promise<Map<number, Cached>> {
  if (ids.length === 0) return new Map();
  const rows = await sequelize.query<Omit<Cached, 'raw'> & { raw: unknown }>(
    `SELECT glpi_id AS id, status, DATE_FORMAT(glpi_updated_at, '%Y-%m-%d %H:%i:%s') AS d, deleted_at IS NOT NULL AS deleted, raw
     FROM glpi_tickets WHERE glpi_entity_id = :entityId AND glpi_id IN (:ids)`,
    { replacements: { entityId, ids }, type: QueryTypes.SELECT },
  );
  return new Map(
    rows.map((row) => [
      Number(row.id),
      { ...row, id: Number(row.id), status: Number(row.status), deleted: Number(row.deleted), raw: rawText(row.raw) },
    ]),
  );
}
