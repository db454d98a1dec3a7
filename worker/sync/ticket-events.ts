import { escape } from 'mysql2';
import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiSyncEventKind } from '../../server/db/models/glpi-sync-event';
import { isFromPortal } from '../../server/glpi-outbox/outbox-marker';

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
  const values = events.map(
    (event) =>
      `(${[
        event.companyId,
        event.entityId,
        event.kind,
        event.ticketId,
        event.followupId,
        event.statusFrom,
        event.statusTo,
        event.ticketName,
        event.dedupeKey,
        event.occurredAt,
      ]
        .map((value) => escape(value))
        .join(',')},UTC_TIMESTAMP())`,
  );
  await sequelize.query(
    `INSERT IGNORE INTO glpi_sync_events (company_id, glpi_entity_id, kind, glpi_ticket_id, glpi_followup_id, status_from,
     status_to, ticket_name, dedupe_key, occurred_at, created_at) VALUES ${values.join(',')}`,
    { transaction, type: QueryTypes.INSERT },
  );
}

/** A follow-up that just reached a company's cache (new, or routed there now that its ticket arrived). */
export type ArrivedFollowup = {
  id: number;
  ticketId: number;
  entityId: number;
  companyId: number;
  usersId: number | null;
  isPrivate: boolean;
  content: string | null;
  postedAt: string | null;
};

/**
 * "Your ticket was answered": a public follow-up written by neither the company's own people (their
 * GLPI users, the ticket's requester) nor the portal (its reference). Only for companies whose
 * first ticket sync is done: history is not news.
 */
export async function answerEvents(arrived: ArrivedFollowup[], transaction: Transaction): Promise<SyncEventInput[]> {
  const candidates = arrived.filter((f) => !f.isPrivate && !isFromPortal(f.content));
  if (candidates.length === 0) return [];
  const companies = [...new Set(candidates.map((f) => f.companyId))];
  const ready = new Set(
    (
      await sequelize.query<{ c: number }>(
        "SELECT company_id AS c FROM glpi_sync_state WHERE itemtype = 'Ticket' AND read_from IS NOT NULL AND company_id IN (:companies)",
        { replacements: { companies }, type: QueryTypes.SELECT, transaction },
      )
    ).map((row) => Number(row.c)),
  );
  const own = new Set(
    (
      await sequelize.query<{ c: number; g: number }>(
        'SELECT u.company_id AS c, l.glpi_user_id AS g FROM glpi_user_links l JOIN users u ON u.id = l.user_id WHERE u.company_id IN (:companies)',
        { replacements: { companies }, type: QueryTypes.SELECT, transaction },
      )
    ).map((row) => `${Number(row.c)}:${Number(row.g)}`),
  );
  const tickets = new Map(
    (
      await sequelize.query<{ e: number; id: number; name: string | null; requester: number | null }>(
        `SELECT glpi_entity_id AS e, glpi_id AS id, name, requester_glpi_user_id AS requester FROM glpi_tickets
     WHERE glpi_id IN (:ids) AND deleted_at IS NULL`,
        { replacements: { ids: [...new Set(candidates.map((f) => f.ticketId))] }, type: QueryTypes.SELECT, transaction },
      )
    ).map((row) => [`${Number(row.e)}:${Number(row.id)}`, row]),
  );
  return candidates.flatMap((f) => {
    const ticket = tickets.get(`${f.entityId}:${f.ticketId}`);
    if (!ready.has(f.companyId) || !ticket) return [];
    if (
      f.usersId !== null &&
      (own.has(`${f.companyId}:${f.usersId}`) || f.usersId === (ticket.requester === null ? null : Number(ticket.requester)))
    )
      return [];
    return [
      {
        companyId: f.companyId,
        entityId: f.entityId,
        kind: 'followup_added' as const,
        ticketId: f.ticketId,
        followupId: f.id,
        statusFrom: null,
        statusTo: null,
        ticketName: ticket.name?.slice(0, 255) ?? null,
        dedupeKey: `f:${f.entityId}:${f.id}`,
        occurredAt: f.postedAt,
      },
    ];
  });
}
