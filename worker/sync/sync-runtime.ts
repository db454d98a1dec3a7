import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { logger } from '../../server/logger';
import { getGlpiPool, isGlpiConfigured } from '../glpi-runtime';
import type { GlpiSessionPool } from '../glpi/glpi-session-pool';
import { workerConfig } from '../worker-config';
import { CircuitBreaker } from './circuit-breaker';
import { notifyPendingSyncEvents } from './notify-sync-events';
import { defaultSyncOptions, type StopSignal, type SyncContext } from './sync-context';
import { syncJobProcessor } from './sync-job';
import { ensureSyncSchedules } from './sync-scheduler';

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
  const everyMs = Math.round(workerConfig.SYNC_INTERVAL_MINUTES * 60_000);
  const ctx: SyncContext & { breaker: CircuitBreaker } = {
    // The pool is shared with the other GLPI jobs: one concurrency cap and rate limit towards GLPI.
    get pool(): GlpiSessionPool {
      return getGlpiPool();
    },
    options: {
      ...defaultSyncOptions,
      reconcileEvery: workerConfig.SYNC_RECONCILE_EVERY,
      lockTtlMs: workerConfig.SYNC_LOCK_TTL_MS,
      glpiUtcOffsetMinutes: workerConfig.GLPI_UTC_OFFSET_MINUTES,
    },
    logger: logger.child({ queue: 'glpi-sync' }),
    stop,
    breaker: new CircuitBreaker({ threshold: 5, probeAfterMs: workerConfig.GLPI_CIRCUIT_PROBE_MS }),
  };
  const queue = new Queue('glpi-sync', { connection, prefix });
  const worker = new Worker('glpi-sync', syncJobProcessor(ctx, { queue, everyMs }), {
    connection, prefix, lockDuration: workerConfig.JOB_LOCK_MS, stalledInterval: workerConfig.JOB_LOCK_MS, concurrency: Math.min(workerConfig.WORKER_CONCURRENCY, workerConfig.GLPI_MAX_SESSIONS),
  });
  const scheduled = await ensureSyncSchedules(queue, everyMs);
  // Events recorded by a worker that stopped before notifying them; a failure here must not stop
  // the worker: the events stay unnotified and the end of the next company job retries them.
  await notifyPendingSyncEvents().catch((err: unknown) => logger.error({ err }, 'pending sync events not notified at start-up'));
  logger.info({ companies: scheduled, everyMinutes: workerConfig.SYNC_INTERVAL_MINUTES }, 'glpi sync scheduled');
  return {
    worker,
    queue,
    stopSyncing: () => {
      stop.stopping = true;
    },
    // After Redis lost its data (worker/redis-data-loss.ts): the schedulers are gone with it.
    reschedule: () => ensureSyncSchedules(queue, everyMs),
    close: async () => {
      stop.stopping = true;
      await worker.close();
      await queue.close();
    },
  };
}
