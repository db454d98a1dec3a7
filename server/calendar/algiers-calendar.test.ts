import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  algiersDate,
  algiersMidnight,
  algiersMonth,
  algiersMonthStart,
  daysBetween,
  lastAlgiersMonths,
} from './algiers-calendar';

describe('the Algiers calendar', () => {
  it('turns the day and the month at midnight in Algiers, an hour before UTC', () => {
    const lastMinuteUtc = new Date('2026-12-31T22:59:00Z');
    const newYearInAlgiers = new Date('2026-12-31T23:00:00Z');
    expect([algiersDate(lastMinuteUtc), algiersMonth(lastMinuteUtc)]).toEqual(['2026-12-31', '2026-12']);
    expect([algiersDate(newYearInAlgiers), algiersMonth(newYearInAlgiers)]).toEqual(['2027-01-01', '2027-01']);
    expect(algiersMidnight('2027-01-01')).toEqual(newYearInAlgiers);
    expect(algiersMonthStart('2027-01')).toEqual(newYearInAlgiers);
    expect(algiersMonthStart('2027-01', -1)).toEqual(new Date('2026-11-30T23:00:00Z'));
  });

  it('counts back months across a year, oldest first, with the instant the oldest began', () => {
    expect(lastAlgiersMonths(3, new Date('2027-01-15T10:00:00Z'))).toEqual({
      months: ['2026-11', '2026-12', '2027-01'],
      start: new Date('2026-10-31T23:00:00Z'),
    });
  });

  it('adds days and months as a calendar does', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });
});
