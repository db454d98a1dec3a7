import { describe, expect, it } from 'vitest';
import type { Scalar } from './sim-store';
import { textCondition } from './sim-text-search';

const values: Scalar[] = ['BULK-0001', 'bulk-0010', 'TIE-001', '2026-12-05 04:25:08', 'B &#38; C', '', null, 100, 'BULK_0001'];
const matching = (raw: string) => {
  const condition = textCondition(raw);
  return condition === null ? 'no condition' : values.filter((value) => condition(value));
};

describe('searchText as Search::makeTextSearch builds it', () => {
  it('is a case- and accent-insensitive LIKE %value%, anchored by ^ and $', () => {
    expect(matching('bulk-000')).toEqual(['BULK-0001']);
    expect(matching('^2026-12-05 04:25:08$')).toEqual(['2026-12-05 04:25:08']);
    expect(matching('^2026-12-05 04:25')).toEqual(['2026-12-05 04:25:08']);
    expect(matching('0010$')).toEqual(['bulk-0010']);
    expect(matching('é')).toEqual(['TIE-001']);
    expect(matching('  BULK-0001  ')).toEqual(['BULK-0001']);
    expect(matching('10')).toEqual(['bulk-0010', 100]);
  });

  it('keeps % a wildcard and _ a plain underscore', () => {
    expect(matching('BULK%0001')).toEqual(['BULK-0001', 'BULK_0001']);
    expect(matching('BULK_0001')).toEqual(['BULK_0001']);
  });

  it('reads NULL, ^$ and $ as IS NULL, ^ as IS NOT NULL, and adds nothing for "" or "0"', () => {
    for (const raw of ['NULL', 'null', '^$', '$']) expect(matching(raw)).toEqual([null]);
    expect(matching('^')).toEqual(values.filter((value) => value !== null));
    expect(matching('')).toBe('no condition');
    expect(matching('0')).toBe('no condition');
  });

  it('compares the un-sanitized value with the stored HTML-encoded text, as GLPI does', () => {
    expect(matching('B & C')).toEqual([]);
  });
});
