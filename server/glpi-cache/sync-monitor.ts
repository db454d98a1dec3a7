import { QueryTypes } from 'sequelize';
import { GlpiSyncState } from '../db/models';
import { sequelize } from '../db/sequelize';

export type SyncPairStatus = {
  itemtype: string;
  glpiEntityId: number;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  lastDurationMs: number | null;
  /** Items written by the last successful cycle. */
  lastItems: number | null;
  /** Live items of this type in the cache now. */
  cachedItems: number;
  /** Seconds since the last success (null before the first one). */
  lagSeconds: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastFullReconcileAt: Date | null;
  cycleCount: number;
  running: boolean;
  /** The first full sync, while it runs or until it has finished once: items done out of GLPI's total. */
  firstSync: { done: number; total: number | null; finished: boolean } | null;
};

/** The staff view of one company's sync: every (entity, item type) pair. */
export async function syncMonitor(companyId: number, now = new Date()): Promise<SyncPairStatus[]> {
  const [states, assetCounts, detailCounts, ticketCounts, followupCounts] = await Promise.all([
    GlpiSyncState.findAll({ where: { companyId }, order: [['itemtype', 'ASC']] }),
    countBy(`SELECT itemtype AS k, COUNT(*) AS n FROM glpi_assets WHERE company_id = :companyId AND deleted_at IS NULL AND is_template = 0 GROUP BY itemtype`, companyId),
    countBy(`SELECT itemtype AS k, COUNT(*) AS n FROM glpi_asset_details WHERE company_id = :companyId AND deleted_at IS NULL GROUP BY itemtype`, companyId),
    countBy(`SELECT 'Ticket' AS k, COUNT(*) AS n FROM glpi_tickets WHERE company_id = :companyId AND deleted_at IS NULL`, companyId),
    countBy(`SELECT 'ITILFollowup' AS k, COUNT(*) AS n FROM glpi_ticket_followups WHERE company_id = :companyId AND deleted_at IS NULL`, companyId),
  ]);
  const counts = new Map([...assetCounts, ...detailCounts, ...ticketCounts, ...followupCounts]);
  return states.map((state) => ({
    itemtype: state.itemtype,
    glpiEntityId: state.glpiEntityId,
    lastSuccessAt: state.lastSuccessAt,
    lastAttemptAt: state.lastAttemptAt,
    lastDurationMs: state.lastDurationMs,
    lastItems: state.lastItems,
    cachedItems: counts.get(state.itemtype) ?? 0,
    lagSeconds: state.lastSuccessAt ? Math.max(0, Math.round((now.getTime() - state.lastSuccessAt.getTime()) / 1000)) : null,
    lastError: state.lastError,
    lastErrorAt: state.lastErrorAt,
    lastFullReconcileAt: state.lastFullReconcileAt,
    cycleCount: state.cycleCount,
    running: state.runningSince !== null,
    firstSync: state.progressDone === null ? null : { done: state.progressDone, total: state.progressTotal, finished: state.watermark !== null },
  }));
}

async function countBy(sql: string, companyId: number): Promise<Array<[string, number]>> {
  const rows = await sequelize.query<{ k: string; n: number }>(sql, { replacements: { companyId }, type: QueryTypes.SELECT });
  return rows.map((row) => [String(row.k), Number(row.n)]);
}
