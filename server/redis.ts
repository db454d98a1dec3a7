import { Redis, type RedisOptions } from 'ioredis';
import { config } from './config';
import { logger } from './logger';

/**
 * Web-side Redis: cache, rate limits, queue producers. It fails fast when Redis is down
 * (no offline queue) so that a request errors instead of hanging.
 */
export function createRedis(options: RedisOptions = {}): Redis {
  const client = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, ...options });
  // Without a listener ioredis prints every failed reconnection as plain text, outside the JSON logs.
  client.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'));
  return client;
}

let shared: Redis | undefined;
export function redis(): Redis {
  shared ??= createRedis({ enableOfflineQueue: true });
  return shared;
}

let sharedSubscriber: Redis | undefined;
/** A connection in subscriber mode (it can run nothing else), for the cache invalidation bus. */
export function subscriberRedis(): Redis {
  sharedSubscriber ??= createRedis({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  return sharedSubscriber;
}

export function redisKey(...parts: (string | number)[]): string {
  return [config.REDIS_PREFIX, ...parts].join(':');
}

export async function closeRedis(): Promise<void> {
  await Promise.all([shared?.quit(), sharedSubscriber?.quit()].map((closing) => closing?.catch(() => undefined)));
  shared = undefined;
  sharedSubscriber = undefined;
}
