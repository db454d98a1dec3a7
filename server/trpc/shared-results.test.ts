import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { sharedResult } from '../cache/shared-result';
import { transformer } from './shared-results';

describe('shared results', () => {
  it('are frozen all the way down, so no request can change what the others receive', () => {
    const result = sharedResult({ at: new Date('2026-11-29T10:00:00Z'), rows: [{ count: 1 }] });
    expect(() => {
      (result.rows[0] as { count: number }).count = 2;
    }).toThrow(TypeError);
    expect(() => (result.rows as unknown[]).push({ count: 3 })).toThrow(TypeError);
  });

  it('are serialized once, exactly as superjson would, and other results every time', () => {
    const value = { at: new Date('2026-11-29T10:00:00Z'), rows: [{ count: 1 }] };
    const expected = superjson.serialize(structuredClone(value));
    const shared = sharedResult(value);
    const first = transformer.serialize(shared);
    expect(first).toEqual(expected);
    expect(transformer.serialize(shared)).toBe(first);
    const plain = { at: new Date('2026-11-29T10:00:00Z') };
    expect(transformer.serialize(plain)).not.toBe(transformer.serialize(plain));
    expect(transformer.deserialize(first)).toEqual(value);
  });
});
