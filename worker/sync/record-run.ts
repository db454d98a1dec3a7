import { Op } from 'sequelize';
import { GlpiSyncRun } from '../../server/db/models';
import { logger } from '../../server/logger';
import type { PairResult } from './sync-context';

const keptPerScope = 50;

/**
 * Keeps what a cycle cost GLPI (requests, rows read, rows changed, duration) for the back office's
 * sync monitor; the last few dozen cycles per company (and of the server-wide reads). A failure to
 * record never fails the cycle.
 */
export async function recordRun(
  target: { companyId: number | null; entityId: number },
  run: { startedAt: Date; requests: number; pairs: PairResult[]; status: 'done' | 'interrupted' | 'failed'; error: unknown },
): Promise<void> {
  try {
    const error =
      run.error === null || run.error === undefined
        ? null
        : run.error instanceof Error
          ? `${run.error.name}: ${run.error.message}`
          : String(run.error);
    await GlpiSyncRun.create({
      companyId: target.companyId,
      glpiEntityId: target.companyId === null ? null : target.entityId,
      startedAt: run.startedAt,
      durationMs: Math.max(0, Date.now() - run.startedAt.getTime()),
      requests: run.requests,
      rowsRead: run.pairs.reduce((sum, pair) => sum + pair.fetched, 0),
      rowsChanged: run.pairs.reduce((sum, pair) => sum + pair.changed, 0),
      status: run.status,
      error: error?.slice(0, 2_000) ?? null,
    });
    // Its own last runs, not the last ids: two hundred companies record hundreds of runs a minute.
    const oldestKept = await GlpiSyncRun.findOne({
      where: { companyId: target.companyId },
      order: [['id', 'DESC']],
      offset: keptPerScope - 1,
      attributes: ['id'],
    });
    if (oldestKept) await GlpiSyncRun.destroy({ where: { companyId: target.companyId, id: { [Op.lt]: oldestKept.id } } });
  } catch (err) {
    logger.warn({ err, companyId: target.companyId }, 'sync run not recorded');
  }
}
