import { Redis } from 'ioredis';
import { createDatabase } from '../../db/create-database';
import { config } from '../../server/config';

/**
 * Drops and re-creates the configured database (end-to-end runs start from nothing), and empties
 * the Redis keys of its prefix: queued jobs keyed by row ids (mail-<id>) would otherwise collide
 * with the new database's rows, and BullMQ silently ignores a job whose id it still holds.
 */
await createDatabase(config.DATABASE_URL, { dropFirst: true });
const redis = new Redis(config.REDIS_URL);
for (const pattern of [`${config.REDIS_PREFIX}:*`, `{${config.REDIS_PREFIX}}:*`]) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
await redis.quit();
