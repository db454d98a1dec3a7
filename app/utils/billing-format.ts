import type { Locale } from '~/i18n/locales';
import { formatDa } from '~/utils/format';

/** Amounts stored in centimes, shown in dinars. */
export const formatCents = (cents: number, locale: Locale) => formatDa(cents / 100, locale);

/** A calendar day (YYYY-MM-DD, already Algiers' day) as "14 avr. 2026". */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** The Algiers day of an instant as "14 avr. 2026". */
export function formatDate(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeZone: 'Africa/Algiers' }).format(new Date(date));
}

/** Links to the stored documents (resource routes). */
export const documentUrl = (kind: 'proforma' | 'invoice' | 'creditNote', id: number) =>
  `/documents/${kind === 'creditNote' ? 'credit-note' : kind}/${id}`;
export const purchaseOrderUrl = (id: number) => `/purchase-orders/${id}/file`;
