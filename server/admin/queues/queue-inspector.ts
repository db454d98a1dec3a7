import { Queue } from 'bullmq';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { AppError, notFound } from '../../errors';
import { getQueue, queueDefinitions, queuePrefix, redisConnectionOptions, type QueueName } from '../../jobs/queues';
import { logger } from '../../logger';
import type { AdminActor } from '../admin-actor';

/**
 * What Bull Board would show, through BullMQ's own Queue API: counts per queue, failed jobs with
 * their error, and a retry. Every queue the worker consumes: the declared ones plus 'maintenance'
 * (scheduled sweeps, declared by the worker itself).
 */
const maintenanceQueue = 'maintenance' as const;
export const inspectedQueueNames = [...(Object.keys(queueDefinitions) as QueueName[]), maintenanceQueue];
export type InspectedQueue = (typeof inspectedQueueNames)[number];

const queueNameField = z.enum(inspectedQueueNames as [InspectedQueue, ...InspectedQueue[]], { error: 'validation.choice' });
export const failedJobsInput = z.object({ queue: queueNameField, page: z.number().int().min(1).max(1000).default(1) });
export const retryJobInput = z.object({ queue: queueNameField, jobId: z.string().min(1).max(200) });

let maintenance: Queue | undefined;
function queueFor(name: InspectedQueue): Queue {
  if (name !== maintenanceQueue) return getQueue(name);
  maintenance ??= new Queue(maintenanceQueue, {
    connection: { ...redisConnectionOptions(), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    prefix: queuePrefix,
  });
  return maintenance;
}

export async function closeInspectionQueues(): Promise<void> {
  await maintenance?.close();
  maintenance = undefined;
}

/** Counts per queue; a queue Redis cannot answer for is reported as unavailable, not as zero. */
export async function queueOverview() {
  return Promise.all(
    inspectedQueueNames.map(async (name) => {
      try {
        const c = await queueFor(name).getJobCounts(
          'waiting',
          'prioritized',
          'waiting-children',
          'active',
          'delayed',
          'failed',
          'completed',
        );
        return {
          name,
          available: true,
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          failed: c.failed ?? 0,
          completed: c.completed ?? 0,
        };
      } catch (error) {
        logger.warn({ queue: name, err: error instanceof Error ? error.message : String(error) }, 'queue counts unavailable');
        return { name, available: false, waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
      }
    }),
  );
}

const pageSize = 25;

export async function listFailedJobs(input: z.infer<typeof failedJobsInput>) {
  const queue = queueFor(input.queue);
  const start = (input.page - 1) * pageSize;
  const [jobs, total] = await Promise.all([queue.getFailed(start, start + pageSize - 1), queue.getFailedCount()]);
  return {
    queue: input.queue,
    total,
    page: input.page,
    pageSize,
    jobs: jobs
      .filter((job) => job?.id)
      .map((job) => ({
        id: job.id!,
        name: job.name,
        data: JSON.stringify(job.data).slice(0, 500),
        failedReason: job.failedReason ?? null,
        stackTop: job.stacktrace?.[0]?.split('\n').slice(0, 3).join('\n') ?? null,
        attemptsMade: job.attemptsMade,
        createdAt: new Date(job.timestamp),
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      })),
  };
}

/** Puts a failed job back in the waiting list; its attempts start again from zero. */
export async function retryFailedJob(actor: AdminActor, input: z.infer<typeof retryJobInput>) {
  const job = await queueFor(input.queue).getJob(input.jobId);
  if (!job) throw notFound();
  if ((await job.getState()) !== 'failed') throw new AppError('CONFLICT', 'errors.admin.jobNotFailed');
  await job.retry('failed');
  await recordAudit({
    actorUserId: actor.userId,
    action: 'queue.retry',
    recordType: 'job',
    recordId: input.jobId.slice(0, 40),
    details: { queue: input.queue, jobId: input.jobId, name: job.name },
    ip: actor.ip,
  });
  return { ok: true as const };
}
