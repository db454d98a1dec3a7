import type { Locale } from '~/i18n/locales';

// Intl formatters are costly to build and safe to share: one per language, built on first use.
const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached<F>(cache: Map<Locale, F>, locale: Locale, make: () => F): F {
  let format = cache.get(locale);
  if (!format) {
    format = make();
    cache.set(locale, format);
  }
  return format;
}

/** Amounts in Algerian dinars, written "80 000 DA" as on Algerian invoices. */
export function formatDa(amount: number, locale: Locale): string {
  return `${cached(numberFormats, locale, () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 })).format(amount)} DA`;
}

/** Dates shown in Algiers time, whatever the server's zone. */
export function formatDateTime(date: Date | string, locale: Locale): string {
  return cached(dateTimeFormats, locale, () =>
    new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Africa/Algiers' }),
  ).format(new Date(date));
}
