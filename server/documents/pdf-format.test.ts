import { describe, expect, it } from 'vitest';
import { formatAmountDa, formatDateDz, formatPercent, pdfSafe } from './pdf-format';

describe('pdf-format', () => {
  it('writes dinar amounts with a plain space between thousands and a decimal comma', () => {
    expect(formatAmountDa(80_000)).toBe('80 000,00 DA');
    expect(formatAmountDa(1_234_567.891)).toBe('1 234 567,89 DA');
    expect(formatAmountDa(0)).toBe('0,00 DA');
    expect(formatAmountDa(-1234.5)).toBe('-1 234,50 DA');
  });

  it('writes percentages the French way', () => {
    expect(formatPercent(19)).toBe('19 %');
    expect(formatPercent(12.5)).toBe('12,5 %');
  });

  it('dates in Algiers time, dd/mm/yyyy', () => {
    expect(formatDateDz(new Date('2026-03-14T23:30:00Z'))).toBe('15/03/2026');
    expect(formatDateDz(new Date('2026-01-01T00:00:00+01:00'))).toBe('01/01/2026');
  });

  it('keeps French and Arabic, makes Intl’s spaces plain and replaces what the font cannot print', () => {
    expect(pdfSafe('Éçàè « œuvre » – 10 € ’')).toBe('Éçàè « œuvre » – 10 € ’');
    expect(pdfSafe('1\u202F000\u00A0DA \u22125')).toBe('1 000 DA -5');
    expect(pdfSafe('Se\u0301tif')).toBe('Sétif'); // combining accent composed
    expect(pdfSafe('شركة 🙂')).toBe('شركة ?');
  });
});
