import { intlTag, type Locale } from './i18n/locales';

/**
 * The one formatting layer: every date, number, percentage, duration and amount that pages,
 * charts, e-mails and PDFs show goes through here, in the reader's language ("3,3 %", "68,6 h",
 * "14 nov. 2026" in French) and in Algiers time whatever the server's zone.
 */

// Intl formatters are costly to build and safe to share: one per language and shape, built on first use.
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, shape: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${locale}:${shape}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlTag(locale), options);
    formats.set(key, format);
  }
  return format;
}
function dateFormat(locale: Locale, shape: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${shape}`;
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(locale), options);
    formats.set(key, format);
  }
  return format;
}

const zone = 'Africa/Algiers';
const day: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** Amounts in Algerian dinars, written "80 000 DA" as on Algerian invoices ("80.000 دج" in Arabic). */
export function formatDa(amount: number, locale: Locale): string {
  return `${numberFormat(locale, 'amount', { maximumFractionDigits: 2 }).format(amount)} ${locale === 'ar' ? 'دج' : 'DA'}`;
}

/** An instant as "14 nov. 2026, 11:00", Algiers time. */
export function formatDateTime(date: Date | string, locale: Locale): string {
  return dateFormat(locale, 'datetime', { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(
    new Date(date),
  );
}

/** The Algiers day of an instant as "14 nov. 2026". */
export function formatDate(date: Date | string, locale: Locale): string {
  return dateFormat(locale, 'date', { ...day, timeZone: zone }).format(new Date(date));
}

/** A calendar day already in Algiers' terms (YYYY-MM-DD) as "14 nov. 2026", whatever the zone reading it. */
export function formatDay(isoDay: string, locale: Locale): string {
  return dateFormat(locale, 'day', { ...day, timeZone: 'UTC' }).format(new Date(`${isoDay.slice(0, 10)}T12:00:00Z`));
}

/** A short day for a chart's axis: "14 nov." */
export function formatShortDay(isoDay: string, locale: Locale): string {
  return dateFormat(locale, 'short-day', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${isoDay.slice(0, 10)}T12:00:00Z`),
  );
}

/** A month (YYYY-MM) as "nov. 2026". */
export function formatMonth(isoMonth: string, locale: Locale): string {
  return dateFormat(locale, 'month', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoMonth.slice(0, 7)}-15T12:00:00Z`),
  );
}

/** Counts and measures in the language's own form ("1 234,5" in French). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 0): string {
  return numberFormat(locale, `number:${maximumFractionDigits}`, { maximumFractionDigits }).format(value);
}

/** A percentage given in points (3.3 for 3.3 %), as "3,3 %" in French. */
export function formatPercent(points: number, locale: Locale, maximumFractionDigits = 1): string {
  return numberFormat(locale, `percent:${maximumFractionDigits}`, { style: 'percent', maximumFractionDigits }).format(points / 100);
}

/** A duration in hours, as "68,6 h" in French. */
export function formatHours(hours: number, locale: Locale): string {
  return numberFormat(locale, 'hours', { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(hours);
}
