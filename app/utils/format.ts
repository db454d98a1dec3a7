import type { Locale } from '~/i18n/locales';

/** Amounts in Algerian dinars, written "80 000 DA" as on Algerian invoices. */
export function formatDa(amount: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 }).format(amount)} DA`;
}

/** Dates shown in Algiers time, whatever the server's zone. */
export function formatDateTime(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Africa/Algiers',
  }).format(new Date(date));
}
