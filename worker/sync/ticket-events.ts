import { escape } from 'mysql2';
import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiSyncEventKind } from '../../server/db/models/glpi-sync-event';

export type SyncEventInput = {
  companyId: number;
  entityId: number;
  kind: GlpiSyncEventKind;
  ticketId: number;
  followupId: number | null;
  statusFrom: number | null;
  statusTo: number | null;
  ticketName: string | null;
  dedupeKey: string;
  occurredAt: string | null;
};

/** Solved (5) and closed (6) have their own kinds; any other move is a status change. */
export function statusEventKind(status: number): GlpiSyncEventKind {
  if (status === 5) return 'ticket_solved';
  if (status === 6) return 'ticket_closed';
  return 'ticket_status_changed';
}

/**
 * Records events in the page's transaction. The unique dedupe key makes a change seen twice (the
 * overlap re-reads it, a restarted worker reads the page again) one event: INSERT IGNORE.
 */
export async function recordEvents(events: SyncEventInput[], transaction: Transaction): Promise<void> {
  if (events.length === 0) return;
  const values = events.map((event) => `(${[
    event.companyId, event.entityId, event.kind, event.ticketId, event.followupId, event.statusFrom, event.statusTo,
    event.ticketName, event.dedupeKey, event.occurredAt,
  ].map((value) => escape(value)).join(',')},UTC_TIMESTAMP())`);
  await sequelize.query(
    `INSERT IGNORE INTO glpi_sync_events (company_id, glpi_entity_id, kind, glpi_ticket_id, glpi_followup_id, status_from,
     status_to, ticket_name, dedupe_key, occurred_at, created_at) VALUES ${values.join(',')}`,
    { transaction, type: QueryTypes.INSERT },
  );
}
