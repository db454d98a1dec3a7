/**
 * One sync cycle of one company (after the server-wide reads) in a process of its own, for the tests that kill a worker
 * (SIGKILL) or restart it. Reads DATABASE_URL / REDIS_PREFIX like the worker, and:
 * SYNC_CHILD_SIM_URL, SYNC_CHILD_TOKEN, SYNC_CHILD_COMPANY, SYNC_CHILD_OPTIONS (JSON, partial SyncOptions).
 * Prints the cycle's result as one JSON line.
 */
import { pino } from 'pino';
import { sequelize } from '../../server/db/sequelize';
import { closeRedis } from '../../server/redis';
import { GlpiSessionPool } from '../../worker/glpi/glpi-session-pool';
import { CircuitBreaker } from '../../worker/sync/circuit-breaker';
import { syncCompany, syncServerWide } from '../../worker/sync/sync-company';
import { defaultSyncOptions } from '../../worker/sync/sync-context';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const logger = pino({ level: 'silent' });
const pool = new GlpiSessionPool({
  config: {
    baseUrl: env('SYNC_CHILD_SIM_URL'),
    userToken: env('SYNC_CHILD_TOKEN'),
    maxPerSecond: 10_000,
    retries: 1,
    retryBaseMs: 5,
    retryMaxMs: 20,
  },
  logger,
});
const options = { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0, ...(JSON.parse(process.env.SYNC_CHILD_OPTIONS ?? '{}') as object) };
const ctx = { pool, options, logger, stop: { stopping: false }, breaker: new CircuitBreaker({ threshold: 100, probeAfterMs: 1 }) };
// What the worker does for a company in a cycle: the server-wide reads (follow-ups), then the company.
await syncServerWide(ctx);
const result = await syncCompany(ctx, { companyId: Number(env('SYNC_CHILD_COMPANY')) });
process.stdout.write(`${JSON.stringify(result)}\n`);
await pool.close();
await closeRedis();
await sequelize.close();
