import type { Proforma } from '../../db/models';
import { algiersDate } from '../../calendar/algiers-calendar';

/** What a purchase order must agree on with its pro-forma before it can be accepted. */
export const purchaseOrderChecks = ['number', 'amountExclTax', 'amountInclTax', 'date'] as const;
export type PurchaseOrderCheck = (typeof purchaseOrderChecks)[number];

export type OrderAsTyped = {
  /** The pro-forma number the order cites (PF-YYYY-NNNN). */
  proformaReference: string | null;
  /** YYYY-MM-DD. */
  poDate: string | null;
  amountExclTaxCents: number | null;
  amountCents: number | null;
};

const normalisedNumber = (value: string) => value.replace(/[\s\u00a0]/g, '').toUpperCase();

/**
 * The checks an order fails against its pro-forma: the pro-forma number it cites, its HT and TTC
 * amounts to the centime, and its date, which must fall between the pro-forma's issue and the end
 * of its validity (an order dated before the offer existed, or after it lapsed, orders something
 * else). A value the reviewer left empty fails its check: the order did not say it.
 */
export function purchaseOrderMismatches(
  order: OrderAsTyped,
  proforma: Pick<Proforma, 'number' | 'totalExclTaxCents' | 'totalInclTaxCents' | 'createdAt' | 'validUntil'>,
): PurchaseOrderCheck[] {
  const failed: PurchaseOrderCheck[] = [];
  if (!order.proformaReference || normalisedNumber(order.proformaReference) !== normalisedNumber(proforma.number)) failed.push('number');
  if (order.amountExclTaxCents === null || Number(order.amountExclTaxCents) !== Number(proforma.totalExclTaxCents))
    failed.push('amountExclTax');
  if (order.amountCents === null || Number(order.amountCents) !== Number(proforma.totalInclTaxCents)) failed.push('amountInclTax');
  if (!order.poDate || order.poDate < algiersDate(proforma.createdAt) || order.poDate > proforma.validUntil) failed.push('date');
  return failed;
}
