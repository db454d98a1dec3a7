import { Queue, Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { reportsAfterSyncs } from '../../worker/jobs/monthly-reports-job';
import { checkQuotaAfterSyncs } from '../../worker/jobs/quota-warnings-job';
import { listenToSyncCompletions } from '../../worker/sync/sync-completions';
import { closeTestResources } from '../support/close-resources';
import { waitFor } from '../support/wait-for';

afterAll(closeTestResources);

/**
 * The worker's one reader of completed syncs (worker/sync/sync-completions.ts) and the two jobs
 * that follow them: a monthly-reports catch-up for any sync, a quota check for the synced company.
 */
describe('after a sync completes', () => {
  it('asks for one reports catch-up, and one quota check per company synced', async () => {
    const connection = { ...redisConnectionOptions(), maxRetriesPerRequest: null };
    const maintenance = new Queue('maintenance', { connection, prefix: queuePrefix });
    await maintenance.obliterate({ force: true });
    const listener = listenToSyncCompletions(connection, [reportsAfterSyncs(maintenance), checkQuotaAfterSyncs(maintenance)]);
    const sync = new Worker('glpi-sync', async () => ({ done: true }), { connection, prefix: queuePrefix });
    let syncs = 0;
    const addSync = (companyId?: number) =>
      getQueue('glpi-sync').add(
        'glpi-sync',
        { reason: 'manual', ...(companyId ? { companyId } : {}) },
        { jobId: `completions-${process.pid}-${(syncs += 1)}` },
      );
    const quotaChecks = async () =>
      (await maintenance.getWaiting()).filter((job) => job.name === 'quota-warnings').map((job) => job.data as { companyId: number });
    try {
      // Server-wide syncs keep completing (the listener reads events from the moment it is
      // connected): the first one it sees asks for a catch-up run; none asks for a quota check.
      await waitFor(
        async () => {
          await addSync();
          return (await maintenance.getDelayed()).some((job) => job.name === 'monthly-reports') ? true : null;
        },
        { what: 'a catch-up run queued' },
      );
      for (let i = 0; i < 3; i += 1) await addSync(41);
      await addSync(42);
      await waitFor(async () => ((await quotaChecks()).length === 2 ? true : null), { what: 'a quota check of each company' });
      await waitFor(async () => ((await getQueue('glpi-sync').getCompletedCount()) >= syncs ? true : null), {
        what: 'every sync completed',
      });
      // Deduplicated: a burst of syncs makes one catch-up run and one check per company.
      expect((await quotaChecks()).map((data) => data.companyId).sort()).toEqual([41, 42]);
      expect((await maintenance.getDelayed()).filter((job) => job.name === 'monthly-reports')).toHaveLength(1);
    } finally {
      await sync.close();
      await listener.close();
      await maintenance.obliterate({ force: true });
      await maintenance.close();
    }
  });
});
