import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../server/db/models';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { syncJobProcessor } from '../../worker/sync/sync-job';
import { ensureSyncSchedules, type SyncCadence } from '../../worker/sync/sync-scheduler';
import { storedSyncCadence } from '../../server/glpi-cache/sync-cadence';
import { refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createUser, loggedIn } from '../support/fixtures';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';

/**
 * Cadence by need: tickets (and their answers) every minute, the park less often, each company with
 * a scheduler per scope; staff change both from the back office and the worker re-schedules at once.
 */
let h: SyncHarness;
let queue: Queue;

const everyOf = async () => new Map((await queue.getJobSchedulers()).map((scheduler) => [scheduler.key, scheduler.every]));

beforeAll(async () => {
  h = await startSyncHarness({ sim: { seed: { seed: 3, entities: 2, assets: 10, tickets: 4 } } });
  await getQueue('glpi-sync').obliterate({ force: true });
  queue = new Queue('glpi-sync', { connection: redisConnectionOptions(), prefix: queuePrefix });
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await h.close();
  await closeTestResources();
});

describe('the sync cadence', () => {
  it('schedules tickets and the park of each company, and the server-wide reads, on their own cadences', async () => {
    await queue.upsertJobScheduler(
      'glpi-sync-company-999999',
      { every: 300_000 },
      { name: 'glpi-sync', data: { companyId: 999_999, reason: 'schedule' } },
    );
    const companies = await ensureSyncSchedules(queue, { ticketsEveryMs: 60_000, assetsEveryMs: 900_000 });
    expect(companies).toBeGreaterThanOrEqual(2);
    const every = await everyOf();
    for (const companyId of h.companyOf.values()) {
      expect(every.get(`glpi-sync-company-${companyId}-tickets`)).toBe(60_000);
      expect(every.get(`glpi-sync-company-${companyId}-assets`)).toBe(900_000);
    }
    expect(every.get('glpi-sync-server-tickets')).toBe(60_000);
    expect(every.get('glpi-sync-server-assets')).toBe(900_000);
    // A scheduler of the earlier, single-cadence naming is removed.
    expect(every.has('glpi-sync-company-999999')).toBe(false);
  });

  it("puts the server-wide read of technicians' answers ahead of the companies' scheduled checks", async () => {
    await ensureSyncSchedules(queue, { ticketsEveryMs: 60_000, assetsEveryMs: 900_000 });
    const priority = async (id: string) => (await queue.getJobScheduler(id))?.template?.opts?.priority;
    // BullMQ takes jobs without a priority first, then by number: answers, then tickets, then parks.
    expect(await priority('glpi-sync-server-tickets')).toBeUndefined();
    for (const companyId of h.companyOf.values()) {
      expect(await priority(`glpi-sync-company-${companyId}-tickets`)).toBe(1);
      expect(await priority(`glpi-sync-company-${companyId}-assets`)).toBe(2);
    }
    expect(await priority('glpi-sync-server-assets')).toBe(2);
  });

  it('lets an admin change it: stored, audited, and the worker re-schedules every company', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const commercial = await loggedIn(await createUser('commercial'));
    expect(
      await refusal(commercial.run((api) => api.admin.syncCadence.set({ ticketsEverySeconds: 30, assetsEveryMinutes: 60 }))),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(admin.run((api) => api.admin.syncCadence.set({ ticketsEverySeconds: 5, assetsEveryMinutes: 60 })))).toMatchObject({
      code: 'BAD_REQUEST',
    });

    await admin.run((api) => api.admin.syncCadence.set({ ticketsEverySeconds: 30, assetsEveryMinutes: 60 }));
    expect(await storedSyncCadence()).toEqual({ ticketsEverySeconds: 30, assetsEveryMinutes: 60 });
    expect(await AuditEntry.count({ where: { action: 'glpi.syncCadence' } })).toBeGreaterThan(0);
    const [job] = (await queue.getJobs(['waiting'])).filter((waiting) => waiting.data.reason === 'reschedule');
    expect(job).toBeDefined();

    // The worker's consumer of that job: the cadence read again, every scheduler moved to it.
    let cadence: SyncCadence = { ticketsEveryMs: 60_000, assetsEveryMs: 900_000 };
    const process = syncJobProcessor(h.ctx, {
      queue,
      cadence: () => cadence,
      reschedule: async () => {
        const stored = await storedSyncCadence();
        cadence = { ticketsEveryMs: stored!.ticketsEverySeconds * 1000, assetsEveryMs: stored!.assetsEveryMinutes * 60_000 };
        return ensureSyncSchedules(queue, cadence);
      },
    });
    expect(await process(job!)).toMatchObject({ status: 'rescheduled' });
    const every = await everyOf();
    for (const companyId of h.companyOf.values()) {
      expect(every.get(`glpi-sync-company-${companyId}-tickets`)).toBe(30_000);
      expect(every.get(`glpi-sync-company-${companyId}-assets`)).toBe(3_600_000);
    }
  });
});
