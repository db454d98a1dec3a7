import type { Locale } from '../../../shared/i18n/locales';
import { formatDateTime, formatDay, formatNumber } from '../../../shared/format';

const dayColumns = new Set(['warrantyEnd', 'licenceExpiresOn']);

// GLPI keeps text HTML-encoded ("Siège &#62; Étage 1"); the reader sees the characters.
const decode = (text: string) =>
  text.replace(/&#(\d+);|&(amp|lt|gt|quot);/g, (_whole, code: string | undefined, name: string | undefined) =>
    code ? String.fromCodePoint(Number(code)) : ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[name!]!,
  );

/** One park cell as a reader expects it: days and instants in words, counts in the language's form. */
export function parkValue(column: string, value: string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return formatNumber(value, locale);
  if (dayColumns.has(column) && /^\d{4}-\d{2}-\d{2}/.test(value)) return formatDay(value, locale);
  if (column === 'glpiUpdatedAt') return formatDateTime(value, locale);
  return decode(value);
}
