import { escape } from 'mysql2';
import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiRangeError } from '../glpi/glpi-errors';
import { executeIn, utcNow } from './upsert-batch';

/** GLPI's Ticket_User types the portal reads: a member sees the tickets naming them as either. */
export const requesterActor = 1;
export const observerActor = 3;

export type TicketActors = { requesters: number[]; observers: number[] };

/** A search column of user ids: a string (one user), an array of strings (several), null (none). */
function userIds(value: unknown): number[] {
  const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return values
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN))
    .filter((id) => Number.isInteger(id) && id > 0);
}

/**
 * Requesters (search option 4) and observers (66) by ticket id, for tickets modified since `since`
 * (GLPI text), or all of them. The list has no actor columns: only /search gives them, cheaply.
 * Adding or removing an actor bumps the ticket's date_mod, so the incremental read sees it.
 */
export async function readTicketActors(client: GlpiClient, since: string | null, pageSize: number): Promise<Map<number, TicketActors>> {
  const options = {
    criteria: since ? [{ field: 19, searchtype: 'morethan' as const, value: `=${since}` }] : [],
    forcedisplay: [2, 4, 66],
    sort: 2,
    order: 'ASC' as const,
    pageSize,
  };
  // Once the first page gives the total, the others are asked at once (rows of three short columns).
  // Sorted by id: a page shifted by a purge meanwhile can only miss tickets, whose actors the
  // page that lists them then reads (sync-tickets.ts).
  const first = await client.searchPage('Ticket', options);
  const starts: number[] = [];
  for (let start = first.rows.length; first.rows.length > 0 && start < first.total; start += pageSize) starts.push(start);
  const rest = await Promise.all(
    starts.map((start) =>
      client.searchPage('Ticket', { ...options, start }).catch((error: unknown) => {
        if (error instanceof GlpiRangeError) return { rows: [] };
        throw error;
      }),
    ),
  );
  const map = new Map<number, TicketActors>();
  for (const row of [first, ...rest].flatMap((page) => page.rows)) {
    const id = Number(row['2']);
    if (Number.isInteger(id)) map.set(id, { requesters: userIds(row['4']), observers: userIds(row['66']) });
  }
  return map;
}

/** Replaces the cached actors of these tickets of the entity (those the map holds) with the map's. */
export async function writeTicketActors(
  entityId: number,
  actors: Map<number, TicketActors>,
  ticketIds: number[],
  transaction: Transaction,
): Promise<void> {
  const known = ticketIds.filter((id) => actors.has(id));
  if (known.length === 0) return;
  for (let offset = 0; offset < known.length; offset += 500) {
    const chunk = known.slice(offset, offset + 500);
    await executeIn(
      transaction,
      `DELETE FROM glpi_ticket_actors WHERE glpi_entity_id = ${escape(entityId)} AND ticket_glpi_id IN (${chunk.map((id) => escape(id)).join(',')})`,
    );
    const values = chunk.flatMap((id) => {
      const { requesters, observers } = actors.get(id)!;
      return [
        ...requesters.map((user) => [entityId, id, user, requesterActor]),
        ...observers.map((user) => [entityId, id, user, observerActor]),
      ];
    });
    if (values.length > 0) {
      await executeIn(
        transaction,
        `INSERT IGNORE INTO glpi_ticket_actors (glpi_entity_id, ticket_glpi_id, glpi_user_id, actor_type) VALUES ${values.map((row) => `(${row.map((v) => escape(v)).join(',')})`).join(',')}`,
      );
    }
  }
}

/** Whether the entity's cached tickets carry their actors (false for a cache filled before actors were read). */
export async function actorsRead(entityId: number): Promise<boolean> {
  const [row] = await sequelize.query<{ at: Date | null }>(
    "SELECT actors_read_at AS at FROM glpi_sync_state WHERE glpi_entity_id = :entityId AND itemtype = 'Ticket'",
    { replacements: { entityId }, type: QueryTypes.SELECT },
  );
  return Boolean(row?.at);
}

export async function markActorsRead(entityId: number, transaction?: Transaction): Promise<void> {
  await sequelize.query("UPDATE glpi_sync_state SET actors_read_at = :now WHERE glpi_entity_id = :entityId AND itemtype = 'Ticket'", {
    replacements: { entityId, now: utcNow() },
    transaction,
  });
}
