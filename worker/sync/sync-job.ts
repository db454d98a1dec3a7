import type { Job, Queue } from 'bullmq';
import { GlpiSyncState } from '../../server/db/models';
import { queueDefinitions } from '../../server/jobs/queues';
import { CircuitOpenError, type CircuitBreaker } from './circuit-breaker';
import { notifyPendingSyncEvents } from './notify-sync-events';
import { syncCompany, type CompanySyncResult } from './sync-company';
import { isSyncedItemtype, type SyncContext } from './sync-context';
import { upsertCompanySchedule } from './sync-scheduler';

/**
 * The `glpi-sync` consumer. `provisioned`: the company was just linked to its entity: its schedule
 * is created and its first full sync runs now. `manual`: staff asked for "sync now". A sync already
 * running for the company makes the job a no-op (sync-lock.ts).
 */
export function syncJobProcessor(ctx: SyncContext & { breaker: CircuitBreaker }, schedule: { queue: Queue; everyMs: number }) {
  return async (job: Job): Promise<CompanySyncResult | { status: 'circuit-open' }> => {
    const payload = queueDefinitions['glpi-sync'].payload.parse(job.data);
    if (payload.reason === 'provisioned') await upsertCompanySchedule(schedule.queue, payload.companyId, schedule.everyMs);
    const itemtype = payload.itemtype && isSyncedItemtype(payload.itemtype) ? payload.itemtype : undefined;
    let result: CompanySyncResult;
    try {
      result = await syncCompany(ctx, { companyId: payload.companyId, itemtype });
    } catch (error) {
      if (error instanceof CircuitOpenError) {
        // GLPI is known to be down: no request, no retry; the next scheduled cycle tries again.
        await GlpiSyncState.update({ lastError: error.message, lastErrorAt: new Date() }, { where: { companyId: payload.companyId } });
        return { status: 'circuit-open' };
      }
      throw error;
    }
    await notifyPendingSyncEvents({ companyId: payload.companyId });
    if (result.status === 'done' && result.failures.length > 0) {
      throw new Error(`GLPI sync of company ${payload.companyId}: ${result.failures.map((f) => `${f.itemtype}: ${f.error}`).join('; ')}`);
    }
    return result;
  };
}
