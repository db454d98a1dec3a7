import type { Locale } from '~/i18n/locales';

// Building an Intl.DateTimeFormat costs far more than using one: one per locale, made once.
const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** The same text as formatDateTime (app/utils/format.ts), Algiers time, with the formatter reused. */
export function formatPortalDate(date: Date | string, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Africa/Algiers' });
    formatters.set(locale, formatter);
  }
  return formatter.format(new Date(date));
}
