import superjson from 'superjson';

const shared = new WeakSet<object>();
const serialized = new WeakMap<object, ReturnType<typeof superjson.serialize>>();

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/**
 * Marks a result that many requests receive as the very same object (a cached dashboard): it is
 * frozen, so no caller can change it, and serialized for the wire once rather than per request.
 */
export function sharedResult<T extends object>(value: T): T {
  deepFreeze(value);
  shared.add(value);
  return value;
}

/** tRPC's transformer: superjson, remembering the serialization of shared results. */
export const transformer = {
  serialize(value: unknown) {
    if (value === null || typeof value !== 'object' || !shared.has(value)) return superjson.serialize(value);
    let json = serialized.get(value);
    if (!json) {
      json = superjson.serialize(value);
      deepFreeze(json);
      serialized.set(value, json);
    }
    return json;
  },
  deserialize: superjson.deserialize.bind(superjson),
};
