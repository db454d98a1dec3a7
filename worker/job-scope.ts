import type { Job, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { logger } from '../server/logger';
import { requestScope, runInScope } from '../server/request-context';

/** The id of the request that queued the job (server/jobs/queues.ts addJob), when one did. */
function requestIdOf(job: Job | undefined): string | undefined {
  const requestId: unknown = job?.data?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}

/**
 * A processor run inside its job's scope: what it logs through requestLog() names the queue, the job
 * and the request that queued it, and the jobs it queues in turn carry the same request id. A job no
 * request queued (a scheduler's) is its own scope, `<queue>:<job id>`.
 */
export function inJobScope<T>(
  queue: string,
  processor: (job: Job, token?: string) => Promise<T>,
): (job: Job, token?: string) => Promise<T> {
  // The lock token goes through: a processor that extends its job's lock (the outbox) needs it.
  return (job, token) =>
    runInScope(requestScope(requestIdOf(job) ?? `${queue}:${job.id}`, { queue, jobId: job.id }), () => processor(job, token));
}

/** A failed job is logged with its error's stack (pino's `err` serializer), not its message alone; a stalled one is logged too. */
export function logJobFailures(worker: Worker, log: Logger = logger): void {
  worker.on('failed', (job, err) =>
    log.warn({ queue: worker.name, jobId: job?.id, requestId: requestIdOf(job), attempts: job?.attemptsMade, err }, 'job failed'),
  );
  // A job whose worker died or blocked past its lock: taken up again (up to maxStalledCount), then failed.
  worker.on('stalled', (jobId) => log.warn({ queue: worker.name, jobId }, 'job stalled: its worker stopped holding it'));
  worker.on('error', (err) => log.error({ queue: worker.name, err }, 'worker error'));
}
