import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whether the code running now may read from a replica. Only a web request that has not written
 * (and whose user has not written in the last few seconds) may: everything else — the worker,
 * scripts, migrations, anything outside a request — reads from the primary, because its reads
 * decide writes (docs/decisions/070-read-replicas.md).
 */
export type ReadRoute = {
  /** False once the request wrote: its later reads must see that write. */
  replicaAllowed: boolean;
  wrote: boolean;
};

// One per process, even though the Remix build bundles its own copy of this module beside the one
// the HTTP server imports: the request's route is set by one copy and read by both.
const processWide = globalThis as { [key: symbol]: unknown };
const storageKey = Symbol.for('ytech.read-routing');
const storage = (processWide[storageKey] ??= new AsyncLocalStorage<ReadRoute>()) as AsyncLocalStorage<ReadRoute>;

/** Runs `fn` as one request whose reads may go to a replica unless `primaryOnly` (a recent write of its user). */
export function runRequestReads<T>(primaryOnly: boolean, fn: (route: Readonly<ReadRoute>) => T): T {
  const route: ReadRoute = { replicaAllowed: !primaryOnly, wrote: false };
  return storage.run(route, () => fn(route));
}

export function replicaReadsAllowed(): boolean {
  return storage.getStore()?.replicaAllowed ?? false;
}

/**
 * Reads whose result outlives the request — a per-process cache, an aggregate stored in Redis —
 * come from the primary: a replica's few seconds of lag would otherwise be kept for the cache's lifetime.
 */
export function readFromPrimary<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** A statement that changes data ran: the rest of this request reads from the primary. */
export function noteWrite(): void {
  const route = storage.getStore();
  if (!route) return;
  route.wrote = true;
  route.replicaAllowed = false;
}

const readOnlyStatement = /^\s*(?:\(\s*)?(?:select|show|with|describe|desc|explain)\b/i;

/** Statements that read only; anything else (writes, transactions, SET, DDL) counts as a write. */
export function isReadOnlyStatement(sql: string): boolean {
  return readOnlyStatement.test(sql);
}
