import { z } from 'zod';

/**
 * The one place the environment is read. Parsed at start-up: a bad or missing variable stops the
 * process with a message that names it. Defaults run the demo on one machine.
 * GLPI settings are not here on purpose: only the worker may know them (worker/worker-config.ts).
 */
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Web processes sharing the port (node:cluster); each keeps its own local caches, kept coherent through Redis. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  APP_URL: z.url().default('http://localhost:3000'),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, 'must start with mysql://')
    .default('mysql://root@127.0.0.1:3306/ytech'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
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
  /** Base delay of every queue's retry back-off; unset, each queue keeps its own (5-30 s). Tests shorten it. */
  JOB_BACKOFF_MS: z.coerce.number().int().positive().optional(),
});

export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
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
