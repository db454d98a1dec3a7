import { describe, expect, it } from 'vitest';
import {
  formatDa,
  formatDate,
  formatDateTime,
  formatDay,
  formatHours,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShortDay,
} from './format';

// Intl separates French groups and units with (narrow) no-break spaces: compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
// Arabic output carries direction marks around symbols; what matters is the visible text.
const visible = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '');

describe('the formatting layer', () => {
  it('writes percentages, durations and counts the French way', () => {
    expect(plain(formatPercent(3.3, 'fr'))).toBe('3,3 %');
    expect(plain(formatHours(68.6, 'fr'))).toBe('68,6 h');
    expect(plain(formatNumber(1234.5, 'fr', 1))).toBe('1 234,5');
    expect(plain(formatDa(80000, 'fr'))).toBe('80 000 DA');
  });

  it('writes them the English way', () => {
    expect(formatPercent(3.3, 'en')).toBe('3.3%');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatDa(80000, 'en')).toBe('80,000 DA');
  });

  it('writes them the Algerian Arabic way, with Latin digits', () => {
    expect(visible(formatPercent(3.3, 'ar'))).toBe('3,3%');
    expect(visible(formatNumber(1234.5, 'ar', 1))).toBe('1.234,5');
    expect(formatDa(80000, 'ar')).toBe('80.000 دج');
    expect(formatHours(68.6, 'ar')).toContain('68,6');
  });

  it('never shows an ISO date: days, months and instants in words, in Algiers time', () => {
    expect(formatDay('2026-11-14', 'fr')).toBe('14 nov. 2026');
    expect(formatDay('2026-11-14', 'en')).toBe('14 Nov 2026');
    expect(formatDay('2026-11-14', 'ar')).toBe('14 نوفمبر 2026');
    expect(formatShortDay('2026-11-14', 'fr')).toBe('14 nov.');
    expect(formatMonth('2026-11', 'fr')).toBe('nov. 2026');
    // 23:30 UTC on 14 November is already the 15th in Algiers (UTC+1).
    expect(formatDate('2026-11-14T23:30:00Z', 'fr')).toBe('15 nov. 2026');
    expect(plain(formatDateTime('2026-11-14T10:05:00Z', 'fr'))).toBe('14 nov. 2026, 11:05');
    expect(visible(formatDateTime('2026-11-14T10:05:00Z', 'ar'))).toBe('14 نوفمبر 2026، 11:05');
    for (const locale of ['fr', 'en', 'ar'] as const) expect(formatDay('2026-11-14', locale)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
