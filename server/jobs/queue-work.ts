import { addJob, getQueue, type JobPayload, type QueueName } from './queues';
import { requestLog } from '../request-context';

export type QueueWorkOutcome = 'queued' | 'already-queued' | 'requeued';

/**
 * Queues one unit of work that a database row says is still to do, under a job id that names the
 * work itself (the row's own uuid or creation stamp, never only an auto-increment id that a reset
 * or restored database hands out again). BullMQ silently ignores an add whose id it still holds,
 * finished jobs included; so the deduplication is made explicit here and logged:
 * - a job of that id still waiting, delayed or running: nothing is added (`already-queued`);
 * - a finished job of that id (completed or failed, kept by the retention): the row is the truth
 *   and says the work is not done, so the old job is removed and the work queued again (`requeued`).
 */
export async function queueWork<N extends QueueName>(name: N, payload: JobPayload<N>, jobId: string): Promise<QueueWorkOutcome> {
  const queue = getQueue(name);
  const previous = await queue.getJob(jobId);
  let outcome: QueueWorkOutcome = 'queued';
  if (previous) {
    const state = await previous.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') {
      requestLog().debug({ queue: name, jobId, state }, 'work already queued: not added twice');
      return 'already-queued';
    }
    requestLog().info({ queue: name, jobId, state }, 'a finished job holds this id while its row says the work is to do: queued again');
    await previous.remove();
    outcome = 'requeued';
  }
  await addJob(name, payload, { jobId });
  return outcome;
}

/** A job id from a row's id and its creation stamp: the same row always gets the same id, a row reborn under a reset database never. */
export function rowJobId(prefix: string, id: number, createdAt: Date): string {
  // Seconds: the column keeps no fraction, and a row read back must give the id it was queued under.
  return `${prefix}-${id}-${Math.floor(createdAt.getTime() / 1000)}`;
}
