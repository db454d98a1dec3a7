import { Job, Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import { queuePrefix } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import { sendQuotaWarnings } from '../../server/portal/quota-warnings';

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
export function checkQuotaAfterSyncs(connection: ConnectionOptions, maintenance: Queue): { close(): Promise<void> } {
  const syncQueue = new Queue('glpi-sync', { connection, prefix: queuePrefix });
  const events = new QueueEvents('glpi-sync', { connection, prefix: queuePrefix });
  events.on('completed', ({ jobId }) => {
    void (async () => {
      const job = await Job.fromId(syncQueue, jobId);
      const companyId = Number((job?.data as { companyId?: unknown } | undefined)?.companyId);
      if (!Number.isInteger(companyId) || companyId <= 0) return;
      await maintenance.add(quotaWarningsJobName, { companyId }, { deduplication: { id: `quota-warnings-${companyId}` }, removeOnComplete: 100, removeOnFail: 100 });
    })().catch((err: unknown) => logger.warn({ err }, 'quota check after a sync not queued'));
  });
  return { close: async () => { await events.close(); await syncQueue.close(); } };
}
