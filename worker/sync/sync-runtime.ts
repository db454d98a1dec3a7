import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { logger } from '../../server/logger';
import { getGlpiPool, isGlpiConfigured } from '../glpi-runtime';
import type { GlpiSessionPool } from '../glpi/glpi-session-pool';
import { jobLockOptions, workerConfig } from '../worker-config';
import { CircuitBreaker } from './circuit-breaker';
import { notifyPendingSyncEvents } from './notify-sync-events';
import { configuredSyncOptions, type StopSignal, type SyncContext } from './sync-context';
import { syncJobProcessor } from './sync-job';
import { storedSyncCadence } from '../../server/glpi-cache/sync-cadence';
import { ensureSyncSchedules, type SyncCadence } from './sync-scheduler';

export type SyncRuntime = { worker: Worker; queue: Queue; stopSyncing(): void; reschedule(): Promise<number>; close(): Promise<void> };

/**
 * The `glpi-sync` consumer of worker/main.ts, with its job schedulers. SIGTERM: `stopSyncing()`
 * first, so every running pass ends after the page it is writing, then `close()` waits for them.
 */
export async function startSyncRuntime(connection: ConnectionOptions, prefix: string): Promise<SyncRuntime | null> {
  if (!isGlpiConfigured()) {
    logger.warn('GLPI_URL not set: the GLPI sync is not started');
    return null;
  }
  const stop: StopSignal = { stopping: false };
  let cadence = await currentCadence();
  const ctx: SyncContext & { breaker: CircuitBreaker } = {
    // The pool is shared with the other GLPI jobs: one concurrency cap and rate limit towards GLPI.
    get pool(): GlpiSessionPool {
      return getGlpiPool();
    },
    options: configuredSyncOptions(),
    logger: logger.child({ queue: 'glpi-sync' }),
    stop,
    breaker: new CircuitBreaker({ threshold: 5, probeAfterMs: workerConfig.GLPI_CIRCUIT_PROBE_MS }),
  };
  const queue = new Queue('glpi-sync', { connection, prefix });
  // Staff changed the cadence (or Redis lost the schedulers): every company scheduled again.
  const reschedule = async () => {
    cadence = await currentCadence();
    return ensureSyncSchedules(queue, cadence);
  };
  const worker = new Worker('glpi-sync', syncJobProcessor(ctx, { queue, cadence: () => cadence, reschedule }), {
    connection,
    prefix,
    ...jobLockOptions,
    concurrency: Math.min(workerConfig.WORKER_CONCURRENCY, workerConfig.GLPI_MAX_SESSIONS),
  });
  const scheduled = await ensureSyncSchedules(queue, cadence);
  // Events recorded by a worker that stopped before notifying them; a failure here must not stop
  // the worker: the events stay unnotified and the end of the next company job retries them.
  await notifyPendingSyncEvents().catch((err: unknown) => logger.error({ err }, 'pending sync events not notified at start-up'));
  logger.info(
    { companies: scheduled, ticketsEveryMs: cadence.ticketsEveryMs, assetsEveryMs: cadence.assetsEveryMs },
    'glpi sync scheduled',
  );
  return {
    worker,
    queue,
    stopSyncing: () => {
      stop.stopping = true;
    },
    // After Redis lost its data (worker/redis-data-loss.ts): the schedulers are gone with it.
    reschedule,
    close: async () => {
      stop.stopping = true;
      await worker.close();
      await queue.close();
    },
  };
}

/** The cadence staff set in the back office, or the worker's configuration. */
async function currentCadence(): Promise<SyncCadence> {
  const stored = await storedSyncCadence().catch((err: unknown) => {
    logger.warn({ err }, 'sync cadence not read from the database: the configuration applies');
    return null;
  });
  return {
    ticketsEveryMs: Math.round((stored?.ticketsEverySeconds ?? workerConfig.SYNC_TICKETS_EVERY_SECONDS) * 1000),
    assetsEveryMs: Math.round((stored?.assetsEveryMinutes ?? workerConfig.SYNC_ASSETS_EVERY_MINUTES) * 60_000),
  };
}
