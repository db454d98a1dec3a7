import type { Locale } from '../../../shared/i18n/locales';
import { formatDateTime } from '../../../shared/format';

/** The portal's dates: the same text as every other page's (shared/format.ts), Algiers time. */
export function formatPortalDate(date: Date | string, locale: Locale): string {
  return formatDateTime(date, locale);
}
