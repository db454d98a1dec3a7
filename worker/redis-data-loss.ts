import { logger } from '../server/logger';
import { createRedis, redisKey } from '../server/redis';

/**
 * Redis may come back empty: restarted without persistence, a failover to a replica that had
 * nothing, a FLUSHALL. The job schedulers (sweeps, sync cycles) and every waiting job are then
 * gone, while MySQL still holds the truth (email_log, glpi_outbox…). The worker keeps a marker key;
 * when it has disappeared, `restore` runs: schedulers again, and the waiting rows queued again with
 * their usual job ids, so a job that did survive is never doubled. Several workers may restore at
 * once: every step is idempotent.
 */
export function watchForRedisDataLoss(restore: () => Promise<void>, everyMs = 5_000): { close(): Promise<void> } {
  const client = createRedis();
  // A refused command during an outage is expected: the next tick tries again.
  client.on('error', () => undefined);
  const marker = redisKey('worker', 'redis-alive-since');
  let running = false;
  const check = async () => {
    if (running || client.status !== 'ready') return;
    running = true;
    try {
      if ((await client.exists(marker)) === 1) return;
      logger.warn('Redis holds no worker marker (new or emptied): restoring schedulers and queued work');
      await restore();
      await client.set(marker, new Date().toISOString());
      logger.info('schedulers and queued work restored');
    } catch (err) {
      logger.warn({ err }, 'restoring after a Redis data loss failed; trying again');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  return {
    async close() {
      clearInterval(timer);
      await client.quit().catch(() => undefined);
    },
  };
}
