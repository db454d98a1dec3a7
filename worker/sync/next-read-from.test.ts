import { describe, expect, it } from 'vitest';
import { nextReadFrom } from './next-read-from';

describe('nextReadFrom', () => {
  it('starts just after the newest row once it is older than the settle time: a quiet pair re-reads nothing', () => {
    expect(nextReadFrom({ since: '2026-12-01 08:00:00', newest: '2026-12-01 09:00:00', startedAt: '2026-12-01 10:00:00' }, 120)).toEqual({
      readFrom: '2026-12-01 09:00:01',
      clockTrusted: true,
    });
  });

  it('re-reads the last settle seconds while rows are still being stamped there (a mass action still committing)', () => {
    expect(nextReadFrom({ since: null, newest: '2026-12-01 09:59:30', startedAt: '2026-12-01 10:00:00' }, 120).readFrom).toBe(
      '2026-12-01 09:58:00',
    );
  });

  it('starts at the settle point for an empty list', () => {
    expect(nextReadFrom({ since: null, newest: null, startedAt: '2026-12-01 10:00:00' }, 60).readFrom).toBe('2026-12-01 09:59:00');
  });

  it('re-reads the newest second when GLPI gave no clock, or a clock behind its own rows (wrong time zone)', () => {
    expect(nextReadFrom({ since: null, newest: '2026-12-01 09:00:00', startedAt: null }, 60)).toEqual({
      readFrom: '2026-12-01 09:00:00',
      clockTrusted: false,
    });
    expect(nextReadFrom({ since: null, newest: '2026-12-01 11:00:00', startedAt: '2026-12-01 10:00:00' }, 60)).toEqual({
      readFrom: '2026-12-01 11:00:00',
      clockTrusted: false,
    });
    expect(nextReadFrom({ since: '2026-12-01 08:00:00', newest: null, startedAt: null }, 60).readFrom).toBe('2026-12-01 08:00:00');
  });
});
