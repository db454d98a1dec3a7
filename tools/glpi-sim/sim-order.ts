import type { Range } from './sim-http';

/**
 * GLPI sorts a list by one column and nothing else (`ORDER BY date_mod DESC LIMIT start, n`), so
 * rows tied on that column come back in whatever order MariaDB's plan for that LIMIT gives: on a
 * real GLPI 10.0.12 with 2,300 computers and 40 sharing one date_mod second, `range=0-4` returned
 * them by descending id (an index scan) while `range=0-19` and `range=10-509` began the tie at id
 * 1024 of 1000…1039 (a filesort). A mass update, the automatic closing of solved tickets or an
 * import makes such ties by the hundred, so code that assumes a stable order between requests of
 * different sizes loses rows.
 *
 * The simulator orders the rows of each tie by a permutation seeded by the requested range: the same
 * request always gets the same order, two different ranges (almost always) a different one. Only
 * `id` is unique, and only a sort on it is stable.
 */
export function sortForRange<T extends { id: number }>(
  rows: readonly T[],
  key: (row: T) => unknown,
  direction: 1 | -1,
  range: Range,
  unique: boolean,
): T[] {
  const seed = mix(range.start * 0x9e3779b1 + range.end + 1);
  const tieKey = (row: T) => (unique ? row.id : mix(row.id ^ seed));
  const keyed = rows.map((row) => ({ row, value: key(row), tie: tieKey(row) }));
  keyed.sort((a, b) => compareScalars(a.value, b.value) * direction || a.tie - b.tie || a.row.id - b.row.id);
  return keyed.map((entry) => entry.row);
}

/** SQL order of two column values: NULL first, numbers as numbers, the rest as text. */
export function compareScalars(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** A 32-bit integer hash (murmur3's finalizer): well spread, cheap, deterministic. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
