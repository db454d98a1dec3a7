/**
 * A per-process cache of a few seconds with single flight: fifty requests arriving together for
 * one company's dashboard make one computation, not fifty. For figures that may lag by seconds
 * (the GLPI part already comes from the sync's cache); never for what a user just changed.
 */
export function shortCache<K, V>(ttlMs: number, compute: (key: K) => Promise<V>, maxEntries = 5_000) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return {
    get(key: K): Promise<V> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = compute(key);
      entries.set(key, { at: now, value });
      // A failure is not kept: the next request tries again.
      value.catch(() => entries.delete(key));
      return value;
    },
    forget(key: K): void {
      entries.delete(key);
    },
  };
}
