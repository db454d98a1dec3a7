import { Redis, type RedisOptions } from 'ioredis';
import { config } from './config';

/**
 * Web-side Redis: cache, rate limits, queue producers. It fails fast when Redis is down
 * (no offline queue) so that a request errors instead of hanging.
 */
export function createRedis(options: RedisOptions = {}): Redis {
  return new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, ...options });
}

/** Connection for BullMQ workers: blocking commands need maxRetriesPerRequest null. */
export function createWorkerRedis(): Redis {
  return new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
}

let shared: Redis | undefined;
export function redis(): Redis {
  shared ??= createRedis({ enableOfflineQueue: true });
  return shared;
}

export function redisKey(...parts: (string | number)[]): string {
  return [config.REDIS_PREFIX, ...parts].join(':');
}

export async function closeRedis(): Promise<void> {
  await shared?.quit().catch(() => undefined);
  shared = undefined;
}
