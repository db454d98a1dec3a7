import superjson from 'superjson';
import { deepFreeze, isSharedResult } from '../cache/shared-result';

const serialized = new WeakMap<object, ReturnType<typeof superjson.serialize>>();

/** tRPC's transformer: superjson, remembering the serialization of shared results (server/cache/shared-result.ts). */
export const transformer = {
  serialize(value: unknown) {
    if (value === null || typeof value !== 'object' || !isSharedResult(value)) return superjson.serialize(value);
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
