import { Job, Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { queueDefinitions, queuePrefix } from '../../server/jobs/queues';
import { logger } from '../../server/logger';

/** A glpi-sync job that completed: for one company, or null for the server-wide reads (or a job already gone). */
export type SyncCompleted = { companyId: number | null };

/** What a job does after a sync; `what` names it in the log when it could not be done. */
export type SyncCompletedListener = { what: string; onCompleted(sync: SyncCompleted): Promise<unknown> };

/**
 * The one reader of the glpi-sync queue's "completed" events: each completion is read once (its
 * company from the job's payload) and handed to every listener, instead of each job opening its
 * own QueueEvents connection. A listener that fails is logged; the others are not held up.
 */
export function listenToSyncCompletions(connection: ConnectionOptions, listeners: SyncCompletedListener[]): { close(): Promise<void> } {
  const syncQueue = new Queue('glpi-sync', { connection, prefix: queuePrefix });
  const events = new QueueEvents('glpi-sync', { connection, prefix: queuePrefix });
  events.on('completed', ({ jobId }) => {
    void companyOf(syncQueue, jobId)
      .catch((err: unknown) => {
        logger.warn({ err, jobId }, 'completed sync job not read');
        return null;
      })
      .then((companyId) =>
        Promise.all(
          listeners.map((listener) =>
            listener
              .onCompleted({ companyId })
              .catch((err: unknown) => logger.warn({ err, companyId }, `${listener.what} after a sync not queued`)),
          ),
        ),
      );
  });
  return {
    close: async () => {
      await events.close();
      await syncQueue.close();
    },
  };
}

async function companyOf(syncQueue: Queue, jobId: string): Promise<number | null> {
  const job = await Job.fromId(syncQueue, jobId);
  const payload = queueDefinitions['glpi-sync'].payload.safeParse(job?.data);
  return payload.success ? (payload.data.companyId ?? null) : null;
}
