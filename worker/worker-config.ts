import { hostname } from 'node:os';
import { z } from 'zod';
import { parseGlpiConfig, type GlpiConfig } from './glpi/glpi-config';

/**
 * The worker's own settings, read from the environment at start-up: GLPI lives here and only
 * here, so the web process never holds GLPI credentials. A bad value stops the worker with its name.
 */
export const workerEnvSchema = z.object({
  GLPI_URL: z.url().optional(),
  GLPI_APP_TOKEN: z.string().optional(),
  GLPI_USER_TOKEN: z.string().optional(),
  GLPI_PARENT_ENTITY_ID: z.coerce.number().int().min(0).default(0),
  /** GLPI profile given to client users on their entity (Self-Service is 1 in a stock GLPI). */
  GLPI_CLIENT_PROFILE_ID: z.coerce.number().int().positive().default(1),
  GLPI_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  GLPI_MAX_CONCURRENT: z.coerce.number().int().positive().default(3),
  /** 60: measured on a real GLPI with 200 client entities (decision 290). */
  GLPI_MAX_PER_SECOND: z.coerce.number().positive().default(60),
  GLPI_MAX_SESSIONS: z.coerce.number().int().positive().default(4),
  /**
   * Cadence of the sync, until staff set one in the back office: tickets and follow-ups (clients
   * wait on them; a quiet check is one small request per company), and the park (assets, dropdowns).
   */
  SYNC_TICKETS_EVERY_SECONDS: z.coerce.number().positive().default(60),
  SYNC_ASSETS_EVERY_MINUTES: z.coerce.number().positive().default(15),
  /** Every K-th cycle of an entity also reconciles ids with GLPI (purges, missed changes). */
  SYNC_RECONCILE_EVERY: z.coerce.number().int().positive().default(12),
  /** Sync jobs run at once by one worker process (never more than GLPI_MAX_SESSIONS). */
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(4),
  /** GLPI's clock as minutes east of UTC: its dates carry no zone (Africa/Algiers: +60; the simulator: 0). */
  GLPI_UTC_OFFSET_MINUTES: z.coerce.number().int().min(-720).max(840).default(60),
  /**
   * Seals the API tokens of the clients' GLPI users in the database (client-token-vault.ts). Default:
   * derived from GLPI_USER_TOKEN, so that changing that token makes provisioning issue new ones.
   */
  GLPI_TOKEN_SEAL_KEY: z.string().min(16).optional(),
  /*
   * Recovery timings. Production keeps the defaults; the fault tests and the end-to-end stack
   * shorten them (tests/support/fault-harness.ts, e2e/support/e2e-env.ts) to see a recovery in seconds.
   */
  /**
   * BullMQ job lock: a job whose worker died (SIGKILL, lost host) is handed to another worker once
   * its lock has expired, checked this often too. Long jobs renew their lock.
   */
  JOB_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  /** Life of a company's sync lock without renewal: how long a killed worker blocks that company's sync. */
  SYNC_LOCK_TTL_MS: z.coerce.number().int().positive().default(60_000),
  /** After GLPI stopped answering, the sync sends one probe request this often until it answers again. */
  GLPI_CIRCUIT_PROBE_MS: z.coerce.number().int().positive().default(60_000),
});

export type WorkerConfig = z.infer<typeof workerEnvSchema> & { glpi: GlpiConfig | null; tokenSealKey: string };

export function parseWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = workerEnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid worker configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  if (e.GLPI_URL && !e.GLPI_USER_TOKEN)
    throw new Error('Invalid worker configuration:\n  - GLPI_USER_TOKEN: required when GLPI_URL is set');
  const glpi = e.GLPI_URL
    ? parseGlpiConfig({
        baseUrl: e.GLPI_URL,
        appToken: e.GLPI_APP_TOKEN || undefined,
        userToken: e.GLPI_USER_TOKEN!,
        timeoutMs: e.GLPI_TIMEOUT_MS,
        maxConcurrent: e.GLPI_MAX_CONCURRENT,
        maxPerSecond: e.GLPI_MAX_PER_SECOND,
      })
    : null;
  return { ...e, glpi, tokenSealKey: e.GLPI_TOKEN_SEAL_KEY ?? e.GLPI_USER_TOKEN ?? 'glpi-not-configured' };
}

export const workerConfig: WorkerConfig = parseWorkerConfig(process.env);

/**
 * This process's name on every job it takes (BullMQ's `processedBy`): with several workers, which
 * one holds or held a job is read from the job itself (queue dashboards, the scale-out test).
 */
export const workerProcessName = `${hostname()}:${process.pid}`;

/**
 * Every BullMQ consumer's lock settings. A job whose worker died is taken up again once its lock has
 * expired; it is failed as poison only when its worker died under it `maxStalledCount + 1` times.
 * BullMQ's default (1) fails a job at the second death, and workers restarted twice in a row (a
 * deploy, a crash loop) are not poison: a mail in flight both times would stay claimed until the
 * 10-minute sweep (requeue-stale-mail.ts). The claims and the outbox's fence keep a replay single.
 */
export const jobLockOptions = {
  lockDuration: workerConfig.JOB_LOCK_MS,
  stalledInterval: workerConfig.JOB_LOCK_MS,
  maxStalledCount: 3,
  name: workerProcessName,
};
