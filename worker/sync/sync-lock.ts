import { randomUUID } from 'node:crypto';
import { redis, redisKey } from '../../server/redis';

const releaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const extendScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export type SyncLock = { release(): Promise<void> };

/**
 * One sync of a company (or of the server-wide reads) at a time, across every worker process: a scheduled cycle, a staff "sync
 * now" and a provisioning sync may all be queued, but only one holds the entity. The lock expires
 * on its own if its worker dies (SIGKILL) and is extended while the sync runs.
 */
/** `scope`: `<company>:tickets`, `<company>:assets`, `server:tickets`, `server:assets`. */
export async function acquireSyncLock(scope: string, ttlMs = 60_000): Promise<SyncLock | null> {
  const key = redisKey('glpi-sync-lock', scope);
  const token = randomUUID();
  const taken = await redis().set(key, token, 'PX', ttlMs, 'NX');
  if (taken !== 'OK') return null;
  const timer = setInterval(
    () => {
      void redis()
        .eval(extendScript, 1, key, token, String(ttlMs))
        .catch(() => undefined);
    },
    Math.floor(ttlMs / 3),
  );
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await redis().eval(releaseScript, 1, key, token);
    },
  };
}

/** Every scope of a company (a relink rewrites its whole cache): all or none. */
export async function acquireCompanyLocks(companyId: number, ttlMs = 60_000): Promise<SyncLock | null> {
  const held: SyncLock[] = [];
  for (const scope of ['assets', 'tickets']) {
    const lock = await acquireSyncLock(`${companyId}:${scope}`, ttlMs);
    if (!lock) {
      for (const taken of held) await taken.release();
      return null;
    }
    held.push(lock);
  }
  return {
    release: async () => {
      for (const lock of held) await lock.release();
    },
  };
}
