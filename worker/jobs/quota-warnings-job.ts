import type { Job, Queue } from 'bullmq';
import { z } from 'zod';
import { sendQuotaWarnings } from '../../server/portal/quota-warnings';
import type { SyncCompletedListener } from '../sync/sync-completions';

export const quotaWarningsJobName = 'quota-warnings';
const payload = z.object({ companyId: z.number().int().positive().optional() });

/** The maintenance job: every subscribed company, or the one a sync just refreshed. */
export async function runQuotaWarnings(job: Job) {
  const { companyId } = payload.parse(job.data ?? {});
  const sent = await sendQuotaWarnings(companyId ? { companyIds: [companyId] } : {});
  return { sent: sent.length };
}

/** Every 15 minutes (tickets opened in GLPI count as soon as the sync has them) and once at start. */
export async function scheduleQuotaWarnings(maintenance: Queue): Promise<void> {
  await maintenance.upsertJobScheduler(quotaWarningsJobName, { every: 15 * 60_000 }, { name: quotaWarningsJobName });
}

/**
 * After each sync of a company, check its quota at once rather than at the next quarter hour. One
 * waiting check per company at a time (deduplication): a burst of syncs makes one check.
 */
export function checkQuotaAfterSyncs(maintenance: Queue): SyncCompletedListener {
  return {
    what: 'quota check',
    onCompleted: async ({ companyId }) => {
      if (companyId === null) return;
      await maintenance.add(
        quotaWarningsJobName,
        { companyId },
        { deduplication: { id: `quota-warnings-${companyId}` }, removeOnComplete: 100, removeOnFail: 100 },
      );
    },
  };
}
