import { QueryTypes, type Transaction } from 'sequelize';
import { z } from 'zod';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError, GlpiSchemaError } from '../glpi/glpi-errors';
import { itemTicketSchema, type GlpiItem } from '../glpi/glpi-schemas';
import { cacheTransaction } from './cache-transaction';
import type { CompanyTarget } from './sync-context';
import { upsertRows, utcNow } from './upsert-batch';

export type TicketItem = GlpiItem<'Item_Ticket'>;
export type TicketItems = Map<number, TicketItem[]>;

/**
 * Past this many changed tickets in one page (a mass action), GLPI's whole Item_Ticket list costs
 * fewer requests than one per ticket (the limiter allows about 20 a second).
 */
export const perTicketReadLimit = 25;

const columns = ['glpi_id', 'glpi_ticket_id', 'itemtype', 'items_id', 'glpi_entity_id', 'company_id', 'deleted_at'] as const;
const key: ReadonlySet<string> = new Set(['glpi_id']);

/**
 * The links of these tickets (each ticket in the map, with an empty list when it has none), read
 * after the tickets themselves: GLPI moves a ticket's date_mod when a link is added or removed
 * (Item_Ticket::post_addItem / post_purgeItem, checked on 10.0.12), so a link changed after this
 * read shows as a changed ticket in a later cycle. GLPI keeps no date_mod and no entity on the
 * links: few tickets are read one by one (`/Ticket/:id/Item_Ticket`, entity-scoped), many through
 * the server-wide list (docs/decisions/181-ticket-items-synced.md).
 */
export async function readTicketItems(client: GlpiClient, ticketIds: number[], pageSize: number): Promise<TicketItems> {
  const found: TicketItems = new Map(ticketIds.map((id) => [id, []]));
  if (ticketIds.length === 0) return found;
  if (ticketIds.length <= perTicketReadLimit) {
    for (const ticketId of ticketIds) {
      try {
        const response = await client.session.request({
          method: 'GET',
          path: `/Ticket/${ticketId}/Item_Ticket`,
          query: [
            ['range', '0-999'],
            ['get_hateoas', 'false'],
          ],
        });
        found.set(ticketId, parseItems(response.body));
      } catch (error) {
        // Purged or moved to another entity since it was listed: its links stay as cached until it is read again.
        if (!(error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError)) throw error;
        found.delete(ticketId);
      }
    }
    return found;
  }
  for (const item of await readAllTicketItems(client, pageSize)) found.get(item.tickets_id)?.push(item);
  return found;
}

/** GLPI's whole Item_Ticket list: it ignores the active entity (checked on 10.0.12) and sorts by id only. */
export async function readAllTicketItems(client: GlpiClient, pageSize: number): Promise<TicketItem[]> {
  const items: TicketItem[] = [];
  for await (const page of client.pages('Item_Ticket', { sort: 'id', order: 'ASC', pageSize })) items.push(...page.items);
  return items;
}

/**
 * Replaces the cached links of these tickets (the map's keys) with the map's, for the ticket's
 * company: listed links are written (a ticket moved between entities takes its links along),
 * cached ones GLPI no longer lists are marked deleted.
 */
export async function writeTicketItems(target: CompanyTarget, items: TicketItems, transaction: Transaction): Promise<void> {
  const ticketIds = [...items.keys()];
  if (ticketIds.length === 0) return;
  const listed = [...items.values()].flat();
  if (listed.length > 0) {
    await upsertRows(
      'glpi_ticket_items',
      columns,
      listed.map((item) => [item.id, item.tickets_id, item.itemtype.slice(0, 100), item.items_id, target.entityId, target.companyId, null]),
      transaction,
      key,
    );
  }
  for (let offset = 0; offset < ticketIds.length; offset += 500) {
    await sequelize.query(
      `UPDATE glpi_ticket_items SET deleted_at = :now, updated_at = :now
       WHERE glpi_ticket_id IN (:tickets) AND deleted_at IS NULL ${listed.length > 0 ? 'AND glpi_id NOT IN (:listed)' : ''}`,
      {
        replacements: { now: utcNow(), tickets: ticketIds.slice(offset, offset + 500), listed: listed.map((item) => item.id) },
        transaction,
      },
    );
  }
}

/**
 * Every live cached ticket of the entity against GLPI's whole list: what the per-ticket reads cannot
 * see — a link removed from a closed ticket (GLPI leaves a closed ticket's date_mod alone), a link
 * changed in the second the ticket was last read. Run after a first sync and with each reconcile.
 */
export async function reconcileTicketItems(client: GlpiClient, target: CompanyTarget, pageSize: number): Promise<number> {
  const rows = await sequelize.query<{ id: number }>(
    'SELECT glpi_id AS id FROM glpi_tickets WHERE glpi_entity_id = :entityId AND company_id = :companyId AND deleted_at IS NULL',
    { replacements: target, type: QueryTypes.SELECT },
  );
  const items: TicketItems = new Map(rows.map((row) => [Number(row.id), []]));
  // A new client without tickets yet: the server's whole list has nothing for it.
  if (items.size > 0) for (const item of await readAllTicketItems(client, pageSize)) items.get(item.tickets_id)?.push(item);
  await cacheTransaction(async (transaction) => {
    await writeTicketItems(target, items, transaction);
    await sequelize.query(
      "UPDATE glpi_sync_state SET items_read_at = :now WHERE glpi_entity_id = :entityId AND company_id = :companyId AND itemtype = 'Ticket'",
      { replacements: { ...target, now: utcNow() }, transaction },
    );
  });
  return items.size;
}

/** Whether the entity's cached tickets carry their links (false for a cache filled before links were synced). */
export async function ticketItemsRead(target: CompanyTarget): Promise<boolean> {
  const [row] = await sequelize.query<{ at: Date | null }>(
    "SELECT items_read_at AS at FROM glpi_sync_state WHERE glpi_entity_id = :entityId AND company_id = :companyId AND itemtype = 'Ticket'",
    { replacements: target, type: QueryTypes.SELECT },
  );
  return Boolean(row?.at);
}

function parseItems(body: unknown): TicketItem[] {
  const parsed = z.array(itemTicketSchema).safeParse(body);
  if (!parsed.success) throw new GlpiSchemaError('Item_Ticket', parsed.error.issues, null);
  return parsed.data;
}
