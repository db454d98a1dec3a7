import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { config } from '../config';

/**
 * Every queue, its payload schema and its default job options, declared once. The web process
 * only produces; worker/ consumes and re-validates each payload with the same schema.
 */
/**
 * Retries with exponential back-off (JOB_BACKOFF_MS overrides the base delay, for tests), and a
 * bounded history of finished jobs.
 */
function retried(attempts: number, baseDelayMs: number, keep = { completed: 1_000, failed: 5_000 }): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: config.JOB_BACKOFF_MS ?? baseDelayMs },
    removeOnComplete: { count: keep.completed },
    removeOnFail: { count: keep.failed },
  };
}

export const queueDefinitions = {
  mail: {
    payload: z.object({ emailLogId: z.number().int().positive() }),
    options: retried(8, 5_000),
  },
  /** Render a pro-forma, invoice or credit note PDF, store it, then e-mail it (worker/jobs/generate-document.ts). */
  documents: {
    payload: z.object({ kind: z.enum(['proforma', 'invoice', 'creditNote']), id: z.number().int().positive() }),
    options: retried(8, 5_000),
  },
  /** Put on the queue at subscription activation; jobId `provision-<companyId>-<subscriptionId>`. */
  'provision-client': {
    payload: z.object({
      companyId: z.number().int().positive(),
      /** Staff link: use this existing GLPI entity (checked by the worker) instead of finding or creating one by name. */
      entityId: z.number().int().nonnegative().optional(),
    }),
    options: retried(20, 10_000),
  },
  /** Deliver one glpi_outbox row (a ticket, a reply) to GLPI; jobId `outbox-<id>`. */
  'glpi-outbox': {
    payload: z.object({ outboxId: z.number().int().positive() }),
    options: retried(50, 5_000),
  },
  /** One (entity, item type) sync, or a staff "sync now" for a whole company. */
  'glpi-sync': {
    payload: z.object({ companyId: z.number().int().positive(), itemtype: z.string().min(1).optional(), reason: z.enum(['schedule', 'manual', 'provisioned']) }),
    options: retried(3, 30_000, { completed: 2_000, failed: 2_000 }),
  },
} as const;

export type QueueName = keyof typeof queueDefinitions;
export type JobPayload<N extends QueueName> = z.infer<(typeof queueDefinitions)[N]['payload']>;

/** Hash-tagged prefix so that every key of a queue lands on one slot of a future Redis Cluster. */
export const queuePrefix = `{${config.REDIS_PREFIX}}`;

export function redisConnectionOptions(): ConnectionOptions {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

const queues = new Map<QueueName, Queue>();

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    // Producers fail fast when Redis is down rather than queueing commands in memory.
    queue = new Queue(name, {
      connection: { ...redisConnectionOptions(), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      prefix: queuePrefix,
      defaultJobOptions: queueDefinitions[name].options,
    });
    queues.set(name, queue);
  }
  return queue;
}

export async function addJob<N extends QueueName>(name: N, payload: JobPayload<N>, options: JobsOptions = {}) {
  const data = queueDefinitions[name].payload.parse(payload);
  return getQueue(name).add(name, data, options);
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
