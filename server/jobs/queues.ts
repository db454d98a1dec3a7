import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { locales } from '../../shared/i18n/locales';
import { config } from '../config';
import { currentRequestId } from '../request-context';

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
  /**
   * A registration or a password-reset request, decided by the worker (server/accounts/account-requests.ts):
   * whether the address has an account is looked up there, never while the visitor waits.
   */
  'account-requests': {
    payload: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('registration'), registrationId: z.number().int().positive() }),
      z.object({ kind: z.literal('passwordReset'), email: z.string().max(254), locale: z.enum(locales) }),
    ]),
    options: retried(8, 5_000),
  },
  /** Render a pro-forma, invoice or credit note PDF, store it, then e-mail it (worker/jobs/generate-document.ts). */
  documents: {
    payload: z.object({ kind: z.enum(['proforma', 'invoice', 'creditNote']), id: z.number().int().positive() }),
    options: retried(8, 5_000),
  },
  /** Put on the queue at subscription activation; jobId `provision-<subscriptionId>-<its creation stamp>` (queue-work.ts). */
  'provision-client': {
    payload: z.object({
      companyId: z.number().int().positive(),
      /** Staff link: use this existing GLPI entity (checked by the worker) instead of finding or creating one by name. */
      entityId: z.number().int().nonnegative().optional(),
    }),
    options: retried(20, 10_000),
  },
  /**
   * Deliver one glpi_outbox row (a ticket, a reply) to GLPI; jobId `outbox-<idempotency key>`. `key`:
   * the row's idempotency key, so that a job left in Redis by an earlier database never delivers
   * the row that now has its id.
   */
  'glpi-outbox': {
    payload: z.object({ outboxId: z.number().int().positive(), key: z.string().min(1).max(64).optional() }),
    options: retried(50, 5_000),
  },
  /**
   * A company's sync cycle (scheduled, staff "sync now", first sync after provisioning), or, without
   * a company, the server-wide reads every client shares (follow-ups, dropdowns). `scope`: the
   * tickets (and follow-ups), or the park (assets and dropdowns), on their own cadences; both when
   * absent. `reschedule`: staff changed the cadence.
   */
  'glpi-sync': {
    payload: z.object({
      companyId: z.number().int().positive().optional(),
      itemtype: z.string().min(1).optional(),
      scope: z.enum(['tickets', 'assets']).optional(),
      reason: z.enum(['schedule', 'manual', 'provisioned', 'reschedule']),
    }),
    options: retried(3, 30_000, { completed: 2_000, failed: 2_000 }),
  },
  /**
   * One company's monthly report (server/reports/generate-report.ts); jobId
   * `monthly-report-<companyId>-<YYYY-MM>` (queue-reports.ts), so a month is queued once per company.
   * `regeneratedBy`: the staff member who asked for it again.
   */
  'monthly-reports': {
    payload: z.object({
      companyId: z.number().int().positive(),
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
      regeneratedBy: z.number().int().positive().optional(),
    }),
    options: retried(5, 30_000, { completed: 1_000, failed: 1_000 }),
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

/**
 * Queues a job. Queued while serving a request (or another job), its data also carries that
 * request's id, which the worker logs with everything the job does (worker/job-scope.ts); the
 * payload schemas leave it out, so no consumer depends on it.
 */
export async function addJob<N extends QueueName>(name: N, payload: JobPayload<N>, options: JobsOptions = {}) {
  const data = queueDefinitions[name].payload.parse(payload);
  const requestId = currentRequestId();
  return getQueue(name).add(name, requestId ? { ...data, requestId } : data, options);
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
