import type { Job, Queue } from 'bullmq';
import { Op } from 'sequelize';
import { GlpiSyncState } from '../../server/db/models';
import { queueDefinitions } from '../../server/jobs/queues';
import { CircuitOpenError, type CircuitBreaker } from './circuit-breaker';
import { notifyPendingSyncEvents } from './notify-sync-events';
import { syncCompany, syncServerWide, type CycleResult } from './sync-company';
import { isSyncedItemtype, type SyncContext } from './sync-context';
import { upsertCompanySchedules, type SyncCadence } from './sync-scheduler';

/**
 * The `glpi-sync` consumer. `provisioned`: the company was just linked to its entity: its schedules
 * are created and its first full sync runs now. `manual`: staff asked for "sync now". `reschedule`:
 * staff changed the cadence. Without a company: the server-wide reads. A sync already running for
 * the same scope makes the job a no-op (sync-lock.ts).
 */
export function syncJobProcessor(
  ctx: SyncContext & { breaker: CircuitBreaker },
  schedule: { queue: Queue; cadence(): SyncCadence; reschedule(): Promise<number> },
) {
  return async (job: Job): Promise<CycleResult | { status: 'circuit-open' } | { status: 'rescheduled'; companies: number }> => {
    const payload = queueDefinitions['glpi-sync'].payload.parse(job.data);
    if (payload.reason === 'reschedule') return { status: 'rescheduled', companies: await schedule.reschedule() };
    const companyId = payload.companyId ?? null;
    if (companyId !== null && payload.reason === 'provisioned') await upsertCompanySchedules(schedule.queue, companyId, schedule.cadence());
    const itemtype = payload.itemtype && isSyncedItemtype(payload.itemtype) ? payload.itemtype : undefined;
    let result: CycleResult;
    try {
      result =
        companyId === null
          ? await syncServerWide(ctx, payload.scope)
          : await syncCompany(ctx, { companyId, itemtype, scope: payload.scope });
    } catch (error) {
      if (error instanceof CircuitOpenError) {
        // GLPI is known to be down: no request, no retry; the next scheduled cycle tries again.
        await GlpiSyncState.update(
          { lastError: error.message, lastErrorAt: new Date() },
          { where: { companyId: companyId ?? { [Op.is]: null } } },
        );
        return { status: 'circuit-open' };
      }
      throw error;
    }
    await notifyPendingSyncEvents(companyId === null ? {} : { companyId });
    if (result.status === 'done' && result.failures.length > 0) {
      const scope = companyId === null ? 'the server-wide reads' : `company ${companyId}`;
      throw new Error(`GLPI sync of ${scope}: ${result.failures.map((f) => `${f.itemtype}: ${f.error}`).join('; ')}`);
    }
    return result;
  };
}
