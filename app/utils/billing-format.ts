import type { Locale } from '../../shared/i18n/locales';
import { formatDa } from '../../shared/format';

/** Amounts stored in centimes, shown in dinars. */
export const formatCents = (cents: number, locale: Locale) => formatDa(cents / 100, locale);

// Days and dates come from the one formatting layer, so billing pages write them as every other page does.
export { formatDate, formatDay } from '../../shared/format';

/** Links to the stored documents (resource routes). */
export const documentUrl = (kind: 'proforma' | 'invoice' | 'creditNote', id: number) =>
  `/documents/${kind === 'creditNote' ? 'credit-note' : kind}/${id}`;
export const purchaseOrderUrl = (id: number) => `/purchase-orders/${id}/file`;
