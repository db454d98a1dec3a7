import { logger } from '../logger';
import { redis, redisKey, subscriberRedis } from '../redis';

/**
 * What a change may have made stale in another process's local caches: one user (their account
 * and sessions), one session, one company (its subscriptions), or everything.
 */
export type Invalidation = { topic: 'user' | 'session' | 'company'; id: number | string } | { topic: 'all' };

type Listener = (message: Invalidation) => void;
const listeners = new Set<Listener>();
let state: 'off' | 'connecting' | 'listening' = 'off';

const channel = () => redisKey('cache-invalidation');

function deliver(message: Invalidation): void {
  for (const listener of listeners) listener(message);
}

/**
 * Starts listening (once per process). Local caches serve nothing until this process hears the
 * bus: an invalidation it could have missed must not leave a revoked session valid. After a lost
 * connection every local cache is emptied before serving again, for the same reason.
 */
function listen(): void {
  if (state !== 'off') return;
  state = 'connecting';
  const subscriber = subscriberRedis();
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel()) return;
    try {
      deliver(JSON.parse(text) as Invalidation);
    } catch (error) {
      logger.warn({ err: error, text }, 'unreadable cache invalidation: emptying local caches');
      deliver({ topic: 'all' });
    }
  });
  const lost = () => {
    if (state === 'listening') deliver({ topic: 'all' });
    if (state !== 'off') state = 'connecting';
  };
  subscriber.on('close', lost);
  subscriber.on('end', () => {
    lost();
    state = 'off';
  });
  // On every (re)connection: listening only once Redis acknowledged the subscription, and with the
  // caches emptied of whatever was loaded while a message could have been missed.
  subscriber.on('ready', () => {
    subscriber.subscribe(channel()).then(
      () => {
        if (state !== 'connecting') return;
        deliver({ topic: 'all' });
        state = 'listening';
      },
      (error: unknown) => logger.warn({ err: error }, 'cache invalidation bus unavailable: local caches stay off'),
    );
  });
}

/** True when this process hears every invalidation; local caches check it before each hit. */
export function busListening(): boolean {
  listen();
  return state === 'listening';
}

export function onInvalidation(listener: Listener): void {
  listeners.add(listener);
}

/**
 * Drops what the change made stale, here at once and in every other web or worker process. Call it
 * after the change is committed (model-invalidation.ts waits for the commit), or another process could reload the old row.
 */
export async function publishInvalidation(message: Invalidation): Promise<void> {
  deliver(message);
  try {
    await redis().publish(channel(), JSON.stringify(message));
  } catch (error) {
    // Redis unreachable: the other processes lost their subscription too and empty their caches.
    logger.warn({ err: error, message }, 'cache invalidation not published');
  }
}
