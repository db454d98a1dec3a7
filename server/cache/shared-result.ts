const shared = new WeakSet<object>();

export function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/**
 * Marks a result that many requests receive as the very same object (a cached dashboard): it is
 * frozen, so no caller can change it, and the transport may serialize it once rather than per
 * request (server/trpc/shared-results.ts).
 */
export function sharedResult<T extends object>(value: T): T {
  deepFreeze(value);
  shared.add(value);
  return value;
}

export const isSharedResult = (value: object): boolean => shared.has(value);
