import { QueryTypes } from 'sequelize';
import { GlpiCompanyLink } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { refreshDashboard } from '../../server/glpi-cache/dashboard-aggregates';
import type { GlpiClient } from '../glpi/glpi-client';
import { isAssetDetailItemtype } from '../glpi/glpi-schemas';
import { assetDetailWriter, assetWriter } from './asset-writer';
import { isUnavailable } from './circuit-breaker';
import type { CircuitBreaker } from './circuit-breaker';
import { followupStateType, syncedItemtypes, type PairResult, type SyncContext, type SyncedItemtype, type SyncTarget } from './sync-context';
import { syncPair } from './sync-entity-items';
import { syncFollowupsBulk } from './sync-followups';
import { acquireSyncLock } from './sync-lock';
import { loadState } from './sync-state-store';
import { ticketWriter } from './sync-tickets';

export type CompanySyncInput = { companyId: number; itemtype?: SyncedItemtype; forceReconcile?: boolean };
export type CompanySyncResult =
  | { status: 'skipped'; reason: 'not-linked' | 'already-running' }
  | { status: 'done' | 'interrupted'; entityId: number; pairs: PairResult[]; failures: Array<{ itemtype: string; error: string }> };

/**
 * One sync cycle of a company's GLPI entity: every item type (or one), each with its own state, so
 * that one type failing on a refusal or a schema surprise does not block the others. GLPI not
 * answering ends the cycle at once (the circuit breaker counts it). The dashboard figures are
 * recomputed after each page (at most once per `aggregatesMinIntervalMs`) and after the last one.
 */
export async function syncCompany(ctx: SyncContext & { breaker: CircuitBreaker }, input: CompanySyncInput): Promise<CompanySyncResult> {
  const link = await GlpiCompanyLink.findByPk(input.companyId);
  if (!link || link.glpiEntityId === null || link.provisioningState !== 'done') return { status: 'skipped', reason: 'not-linked' };
  const lock = await acquireSyncLock(input.companyId, ctx.options.lockTtlMs);
  if (!lock) return { status: 'skipped', reason: 'already-running' };
  const target: SyncTarget = { companyId: input.companyId, entityId: link.glpiEntityId };
  const pairs: PairResult[] = [];
  const failures: Array<{ itemtype: string; error: string }> = [];
  let lastRefresh = 0;
  let pending = false;
  const refresh = async () => {
    pending = false;
    lastRefresh = Date.now();
    await refreshDashboard(target.companyId).catch((error: unknown) => ctx.logger.warn({ err: error }, 'dashboard refresh failed'));
  };
  const afterPage = async () => {
    pending = true;
    if (Date.now() - lastRefresh >= ctx.options.aggregatesMinIntervalMs) await refresh();
  };
  try {
    await ctx.breaker.run(() => ctx.pool.withEntity(target.entityId, async (client) => {
      for (const itemtype of input.itemtype ? [input.itemtype] : syncedItemtypes) {
        if (ctx.stop.stopping) break;
        try {
          pairs.push(...await syncOne(ctx, client, target, itemtype, afterPage, input.forceReconcile ?? false));
        } catch (error) {
          if (isUnavailable(error)) throw error;
          ctx.logger.error({ err: error, companyId: target.companyId, itemtype }, 'glpi sync of an item type failed');
          failures.push({ itemtype, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }));
  } finally {
    await lock.release();
    // A quiet cycle wrote nothing: the figures in Redis are still right (readDashboard rebuilds them if gone).
    if (pending) await refresh();
  }
  const interrupted = ctx.stop.stopping || pairs.some((pair) => pair.interrupted);
  return { status: interrupted ? 'interrupted' : 'done', entityId: target.entityId, pairs, failures };
}

async function syncOne(
  ctx: SyncContext, client: GlpiClient, target: SyncTarget, itemtype: SyncedItemtype, afterPage: () => Promise<void>, forceReconcile: boolean,
): Promise<PairResult[]> {
  if (itemtype !== 'Ticket') {
    const writer = isAssetDetailItemtype(itemtype) ? assetDetailWriter(ctx, target, itemtype) : assetWriter(ctx, target, itemtype);
    return [await syncPair({ ctx, client, target, writer, eventsAllowed: false, forceReconcile, afterPage })];
  }
  // Follow-up answers become events only once the bulk follow-up read of the first sync is done.
  const followups = await loadState(target, followupStateType);
  const writer = ticketWriter(ctx, target, { followupEvents: followups.watermark !== null, clientGlpiUserIds: await clientGlpiUsers(target.companyId) });
  const tickets = await syncPair({ ctx, client, target, writer, eventsAllowed: true, forceReconcile, afterPage });
  if (tickets.interrupted) return [tickets];
  return [tickets, await syncFollowupsBulk(ctx, client, target)];
}

/** GLPI users of the company's own people: their follow-ups are not technicians' answers. */
async function clientGlpiUsers(companyId: number): Promise<Set<number>> {
  const rows = await sequelize.query<{ id: number }>(
    'SELECT l.glpi_user_id AS id FROM glpi_user_links l JOIN users u ON u.id = l.user_id WHERE u.company_id = :companyId',
    { replacements: { companyId }, type: QueryTypes.SELECT },
  );
  return new Set(rows.map((row) => Number(row.id)));
}
