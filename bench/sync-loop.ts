/**
 * The worker's part during `npm run bench:dashboard`: syncs the companies again and again (a cycle
 * every 2 s, far more often than production) against whatever state the simulator is in. A process
 * of its own, as the worker is in production, so that its work never delays the load generator's clock.
 * Usage: tsx bench/sync-loop.ts <GLPI URL> <company id,company id,…>
 */
import { pino } from 'pino';
import { GlpiSessionPool } from '../worker/glpi/glpi-session-pool';
import { CircuitBreaker } from '../worker/sync/circuit-breaker';
import { syncCompany } from '../worker/sync/sync-company';
import { defaultSyncOptions } from '../worker/sync/sync-context';

const [baseUrl, companyArg] = process.argv.slice(2);
const companyIds = companyArg!.split(',').map(Number);
const logger = pino({ level: 'error' });
const pool = new GlpiSessionPool({
  config: { baseUrl: baseUrl!, userToken: 'glpi-sim-user-token', maxConcurrent: 4, maxPerSecond: 10_000, timeoutMs: 10_000, retries: 0 },
  logger,
  maxSessions: 2,
});
const stop = { stopping: false };
const ctx = {
  pool,
  logger,
  stop,
  options: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 },
  breaker: new CircuitBreaker({ threshold: 3, probeAfterMs: 5_000 }),
};
process.on('SIGTERM', () => {
  stop.stopping = true;
});
console.log('sync loop started');
while (!stop.stopping) {
  for (const companyId of companyIds) {
    if (stop.stopping) break;
    await syncCompany(ctx, { companyId }).catch(() => undefined);
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
}
await pool.close().catch(() => undefined);
process.exit(0);
