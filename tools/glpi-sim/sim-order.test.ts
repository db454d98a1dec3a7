import { describe, expect, it } from 'vitest';
import { sortForRange } from './sim-order';

const rows = Array.from({ length: 60 }, (_, index) => ({
  id: index + 1,
  date_mod: index < 40 ? '2026-12-05 04:00:00' : `2026-12-05 03:${String(index).padStart(2, '0')}:00`,
}));
const byDate = (row: { date_mod: string }) => row.date_mod;
const tie = (sorted: typeof rows) => sorted.filter((row) => row.date_mod === '2026-12-05 04:00:00').map((row) => row.id);

describe('tie order of a one-column sort', () => {
  it('is the same for the same range, and differs between ranges', () => {
    const small = sortForRange(rows, byDate, -1, { start: 0, end: 19, explicit: true }, false);
    const again = sortForRange(rows, byDate, -1, { start: 0, end: 19, explicit: true }, false);
    const large = sortForRange(rows, byDate, -1, { start: 10, end: 509, explicit: true }, false);
    expect(again.map((row) => row.id)).toEqual(small.map((row) => row.id));
    expect(tie(large)).not.toEqual(tie(small));
    expect(new Set(tie(large))).toEqual(new Set(tie(small)));
    // Ties are permuted, the sort itself is kept: the 40 tied rows first, then the rest newest first.
    expect(small.slice(40).map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, index) => 60 - index));
    expect(tie(small)).not.toEqual([...tie(small)].sort((a, b) => a - b));
  });

  it('keeps a unique column (id) in its order', () => {
    const sorted = sortForRange(rows, (row) => row.id, -1, { start: 0, end: 4, explicit: true }, true);
    expect(sorted.map((row) => row.id)).toEqual(Array.from({ length: 60 }, (_, index) => 60 - index));
  });
});
