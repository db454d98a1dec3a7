import { readFromPrimary } from '../db/read-routing';
import { busListening, onInvalidation, type Invalidation } from './invalidation-bus';

type Entry<V> = { value: V; at: number };

/**
 * A per-process cache of rows that every request reads and that rarely change (a session and its
 * user, a company's subscriptions): a hit costs no query. Each entry lives at most `ttlMs`; a change
 * anywhere drops it at once through the invalidation bus (`matches` says which entries a message
 * concerns); and while this process cannot hear the bus, every read goes to the database.
 */
export function localCache<K, V>(options: {
  ttlMs: number;
  maxEntries: number;
  load: (key: K) => Promise<V>;
  matches: (message: Invalidation, key: K, value: V) => boolean;
  /** Whether a loaded value may be kept (default: always). */
  keep?: (value: V) => boolean;
}) {
  const entries = new Map<K, Entry<V>>();
  // Bumped by every invalidation: a load that started before one must not store what it read.
  let generation = 0;
  onInvalidation((message) => {
    generation += 1;
    if (message.topic === 'all') return entries.clear();
    for (const [key, entry] of entries) if (options.matches(message, key, entry.value)) entries.delete(key);
  });
  return {
    async get(key: K): Promise<V> {
      // BENCH_LOCAL_CACHES=off: `npm run bench:load` with BENCH_COMPARE=1 measures what these caches save.
      if (process.env.BENCH_LOCAL_CACHES === 'off' || !busListening()) return readFromPrimary(() => options.load(key));
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < options.ttlMs) return hit.value;
      const started = generation;
      const value = await readFromPrimary(() => options.load(key));
      if (started === generation && busListening() && (options.keep?.(value) ?? true)) {
        if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as K);
        entries.set(key, { value, at: Date.now() });
      }
      return value;
    },
  };
}
