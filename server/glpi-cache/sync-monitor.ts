import { Op, QueryTypes } from 'sequelize';
import { GlpiSyncRun, GlpiSyncState } from '../db/models';
import { sequelize } from '../db/sequelize';

export type SyncPairStatus = {
  itemtype: string;
  glpiEntityId: number;
  /** Read once for every client (follow-ups, dropdowns): shown beside the company's own pairs. */
  serverWide: boolean;
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

/** What one cycle cost GLPI and what it brought (glpi_sync_runs). */
export type SyncRunSummary = {
  startedAt: Date;
  durationMs: number;
  requests: number;
  rowsRead: number;
  rowsChanged: number;
  status: 'done' | 'interrupted' | 'failed';
  error: string | null;
};

const runsShown = 10;

/**
 * The staff view of one company's sync: every (entity, item type) pair, the server-wide pairs its
 * portal also depends on, and its last cycles with what each cost GLPI.
 */
export async function syncMonitor(companyId: number, now = new Date()): Promise<{ pairs: SyncPairStatus[]; runs: SyncRunSummary[] }> {
  const [states, assetCounts, detailCounts, ticketCounts, followupCounts, solutionCounts, runs] = await Promise.all([
    GlpiSyncState.findAll({ where: { [Op.or]: [{ companyId }, { companyId: { [Op.is]: null } }] }, order: [['itemtype', 'ASC']] }),
    countBy(
      `SELECT itemtype AS k, COUNT(*) AS n FROM glpi_assets WHERE company_id = :companyId AND deleted_at IS NULL AND is_template = 0 GROUP BY itemtype`,
      companyId,
    ),
    countBy(
      `SELECT itemtype AS k, COUNT(*) AS n FROM glpi_asset_details WHERE company_id = :companyId AND deleted_at IS NULL GROUP BY itemtype`,
      companyId,
    ),
    countBy(`SELECT 'Ticket' AS k, COUNT(*) AS n FROM glpi_tickets WHERE company_id = :companyId AND deleted_at IS NULL`, companyId),
    countBy(
      `SELECT 'ITILFollowup' AS k, COUNT(*) AS n FROM glpi_ticket_followups WHERE company_id = :companyId AND deleted_at IS NULL`,
      companyId,
    ),
    // Solutions have no company of their own: the company's are those of its cached tickets.
    countBy(
      `SELECT 'ITILSolution' AS k, COUNT(*) AS n FROM glpi_ticket_solutions s JOIN glpi_tickets t ON t.glpi_id = s.glpi_ticket_id
             WHERE t.company_id = :companyId AND t.deleted_at IS NULL AND s.deleted_at IS NULL`,
      companyId,
    ),
    GlpiSyncRun.findAll({ where: { companyId }, order: [['id', 'DESC']], limit: runsShown }),
  ]);
  const counts = new Map([...assetCounts, ...detailCounts, ...ticketCounts, ...followupCounts, ...solutionCounts]);
  // The shared pairs matter to a company once it has pairs of its own (it is linked to GLPI).
  const own = states.some((state) => state.companyId === companyId);
  const pairs = states
    .filter((state) => own || state.companyId !== null)
    .map((state) => ({
      itemtype: state.itemtype,
      glpiEntityId: state.glpiEntityId,
      serverWide: state.companyId === null,
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
      firstSync:
        state.progressDone === null ? null : { done: state.progressDone, total: state.progressTotal, finished: state.readFrom !== null },
    }));
  // The company's own pairs first, then what every client shares.
  pairs.sort((a, b) => Number(a.serverWide) - Number(b.serverWide));
  return {
    pairs,
    runs: runs.map((run) => ({
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      requests: run.requests,
      rowsRead: run.rowsRead,
      rowsChanged: run.rowsChanged,
      status: run.status,
      error: run.error,
    })),
  };
}

async function countBy(sql: string, companyId: number): Promise<Array<[string, number]>> {
  const rows = await sequelize.query<{ k: string; n: number }>(sql, { replacements: { companyId }, type: QueryTypes.SELECT });
  return rows.map((row) => [String(row.k), Number(row.n)]);
}
