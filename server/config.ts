import proxyAddr from 'proxy-addr';
import { z } from 'zod';

/**
 * The one place the environment is read. Parsed at start-up: a bad or missing variable stops the
 * process with a message that names it. Defaults run the demo on one machine.
 * GLPI settings are not here on purpose: only the worker may know them (worker/worker-config.ts).
 */
const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

/**
 * Which peers may tell us the client's address in X-Forwarded-For: nothing (the default: the
 * socket's address is the client's), a number of proxy hops, or proxies by address, subnet or
 * proxy-addr's names (loopback, linklocal, uniquelocal). Express reads it (`trust proxy`).
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const list = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    try {
      proxyAddr.compile(list);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `a number of hops or a list of addresses, subnets, loopback, linklocal or uniquelocal (${(error as Error).message})`,
      });
      return z.NEVER;
    }
    return list;
  });

/** What a deployment sets (.env.example, docker-compose.yml). */
const settings = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Web processes sharing the port (node:cluster); each keeps its own local caches, kept coherent through Redis. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  APP_URL: z.url().default('http://localhost:3000'),
  TRUST_PROXY: trustProxy.default(false),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, 'must start with mysql://')
    .default('mysql://root@127.0.0.1:3306/ytech'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  /**
   * Read replicas of DATABASE_URL, comma-separated (any number; none: every query goes to the primary).
   * The web process sends reads that may be a little stale there (docs/decisions/070-read-replicas.md).
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^mysql:\/\//, 'each must start with mysql://'))),
  /** A replica further behind than this is taken out of service until it catches up; also the read-your-writes window. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive().default(5),
  /** How often each web process writes the heartbeat and measures every replica. */
  REPLICA_CHECK_INTERVAL_MS: z.coerce.number().int().min(100).default(1000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key and BullMQ queue; tests give each worker its own. */
  REDIS_PREFIX: z.string().min(1).default('ytech'),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().default(''),
  SMTP_PASSWORD: z.string().default(''),
  MAIL_FROM: z.string().min(3).default('Y-tech <no-reply@ytech.dz>'),
  STAFF_EMAIL: z.email().default('commercial@ytech.dz'),
  ADMIN_EMAIL: z.email().default('admin@ytech.dz'),
  ADMIN_PASSWORD: z.string().default(''),
  UPLOAD_DIR: z.string().min(1).default('var/uploads'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/**
 * Test tunables: they exist so that a test sees several retries within seconds. Production leaves
 * them unset (.env.example lists them apart, under "test tunables").
 */
const testTunables = z.object({
  /** Base delay of every queue's retry back-off; unset, each queue keeps its own (5-30 s). */
  JOB_BACKOFF_MS: z.coerce.number().int().positive().optional(),
});

export const configSchema = settings.extend(testTunables.shape);

export type Config = z.infer<typeof configSchema>;

function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "use the default" (docker-compose passes `VAR=` for unset ones).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (check your environment or .env):\n${lines.join('\n')}`);
  }
  return result.data;
}

export const config: Config = parseConfig(process.env);
export const isProduction = config.NODE_ENV === 'production';
