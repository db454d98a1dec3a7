import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiSchemaError } from '../glpi/glpi-errors';
import { followupSchema, type GlpiItem } from '../glpi/glpi-schemas';
import { followupColumns, followupValues, type RowTarget } from './glpi-rows';
import { readChanges } from './list-changes';
import { followupStateType, type PairResult, type SyncContext, type SyncTarget } from './sync-context';
import { laterOf, loadState, markRunning, recordFailure, recordInterrupted, recordSuccess } from './sync-state-store';
import { upsertRows, utcNow } from './upsert-batch';

export type Followup = GlpiItem<'ITILFollowup'>;

/**
 * First sync only: every follow-up of the entity in a few large pages (`GET /ITILFollowup`, scoped
 * by the active entity like any list) instead of one request per ticket. Rows of tickets the cache
 * does not hold are left out, so a GLPI that listed more than the entity would add nothing wrong.
 * Later cycles read the follow-ups of each changed ticket (sync-tickets.ts).
 */
export async function syncFollowupsBulk(ctx: SyncContext, client: GlpiClient, target: SyncTarget): Promise<PairResult> {
  const state = await loadState(target, followupStateType);
  const result: PairResult = { itemtype: followupStateType, firstSync: true, fetched: 0, items: 0, changed: 0, trashed: 0, reconciled: false, interrupted: false };
  if (state.watermark !== null) return { ...result, firstSync: false };
  const started = performance.now();
  await markRunning(state, true);
  try {
    const tickets = new Set(await entityTicketIds(target.entityId));
    let newest: string | null = null;
    const rowTarget: RowTarget = { entityId: target.entityId, companyId: target.companyId, offsetMinutes: ctx.options.glpiUtcOffsetMinutes, deletedAt: null };
    const pages = readChanges(client, 'ITILFollowup', {
      since: null, trash: false, expand: false, overlap: ctx.options.overlapRows, pageSize: ctx.options.pageSize, firstPageSize: ctx.options.pageSize,
    });
    for await (const page of pages) {
      newest = laterOf(newest, page.newest);
      result.fetched += page.fetched;
      const followups = parseFollowups(page.rows).filter((row) => row.itemtype === 'Ticket' && tickets.has(row.items_id));
      result.items += followups.length;
      await sequelize.transaction(async (transaction) => {
        await upsertRows('glpi_ticket_followups', followupColumns, followups.map((row) => followupValues(row, rowTarget)), transaction);
        await state.update({ progressDone: result.items, progressTotal: Math.max(page.total, result.items) }, { transaction });
      });
      if (ctx.stop.stopping) {
        result.interrupted = true;
        await recordInterrupted(state);
        return result;
      }
    }
    // An entity without follow-ups still needs a non-null watermark: "first sync done".
    await recordSuccess(state, { watermark: newest ?? '1970-01-01 00:00:00', durationMs: performance.now() - started, items: result.items, reconciled: false });
    return result;
  } catch (error) {
    await recordFailure(state, error);
    throw error;
  }
}

export function parseFollowups(rows: unknown[]): Followup[] {
  const parsed = followupSchema.array().safeParse(rows);
  if (!parsed.success) throw new GlpiSchemaError('ITILFollowup', parsed.error.issues, null);
  return parsed.data;
}

async function entityTicketIds(entityId: number): Promise<number[]> {
  const rows = await sequelize.query<{ id: number }>('SELECT glpi_id AS id FROM glpi_tickets WHERE glpi_entity_id = :entityId',
    { replacements: { entityId }, type: QueryTypes.SELECT });
  return rows.map((row) => Number(row.id));
}

/** Follow-up ids the cache already holds for these tickets (to tell new answers from known ones). */
export async function cachedFollowupIds(entityId: number, ticketIds: number[]): Promise<Set<number>> {
  if (ticketIds.length === 0) return new Set();
  const rows = await sequelize.query<{ id: number }>(
    'SELECT glpi_id AS id FROM glpi_ticket_followups WHERE glpi_entity_id = :entityId AND glpi_ticket_id IN (:ticketIds)',
    { replacements: { entityId, ticketIds }, type: QueryTypes.SELECT },
  );
  return new Set(rows.map((row) => Number(row.id)));
}

/** Writes a changed ticket's follow-ups as GLPI now lists them; those GLPI no longer lists are marked deleted. */
export async function replaceFollowups(
  byTicket: Map<number, Followup[]>, target: RowTarget, transaction: Transaction,
): Promise<void> {
  const rows = [...byTicket.values()].flat().map((row) => followupValues(row, target));
  await upsertRows('glpi_ticket_followups', followupColumns, rows, transaction);
  for (const [ticketId, followups] of byTicket) {
    const keep = followups.map((row) => row.id);
    await sequelize.query(
      `UPDATE glpi_ticket_followups SET deleted_at = :now, updated_at = :now
       WHERE glpi_entity_id = :entityId AND glpi_ticket_id = :ticketId AND deleted_at IS NULL${keep.length ? ' AND glpi_id NOT IN (:keep)' : ''}`,
      { replacements: { now: utcNow(), entityId: target.entityId, ticketId, keep }, transaction },
    );
  }
}
