import { z } from 'zod';
import type { DocumentLineData } from '../../db/models/document-line';
import type { DocumentLine } from '../../documents/commercial-document-schema';

/**
 * Money on our documents is counted in centimes (integers), so that totals add up exactly; the
 * PDF renderer works in dinars and re-checks every sum to the centime.
 */

/** A line as a commercial types it: the price in dinars (up to two decimals), a discount in %. */
export const lineInputSchema = z.object({
  description: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  quantity: z.number().int().min(1).max(120),
  unitPriceDa: z.number({ error: 'validation.billing.priceRequired' }).positive('validation.billing.priceRequired').max(1_000_000_000),
  discountPercent: z
    .number({ error: 'validation.billing.discount' })
    .min(0, 'validation.billing.discount')
    .max(100, 'validation.billing.discount')
    .default(0),
});
export type LineInput = z.input<typeof lineInputSchema>;

export function lineTotalCents(quantity: number, unitPriceCents: number, discountPercent: number): number {
  // Discount applied as (100 - d) / 100 on an integer product, rounded once: the renderer's check.
  return Math.round((quantity * unitPriceCents * (100 - discountPercent)) / 100);
}

export function toLine(input: z.output<typeof lineInputSchema>): DocumentLineData {
  const unitPriceCents = Math.round(input.unitPriceDa * 100);
  return {
    description: input.description,
    quantity: input.quantity,
    unitPriceCents,
    discountPercent: input.discountPercent,
    totalCents: lineTotalCents(input.quantity, unitPriceCents, input.discountPercent),
  };
}

export function documentTotals(lines: DocumentLineData[], vatRatePercent: number) {
  const totalExclTaxCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
  const vatCents = Math.round((totalExclTaxCents * vatRatePercent) / 100);
  return { totalExclTaxCents, vatRatePercent, vatCents, totalInclTaxCents: totalExclTaxCents + vatCents };
}

export const centsToDa = (cents: number) => cents / 100;

/** Our stored lines, in the renderer's shape (dinars). */
export function linesForPdf(lines: DocumentLineData[]): DocumentLine[] {
  return lines.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitPriceExclTax: centsToDa(l.unitPriceCents),
    discountPercent: l.discountPercent,
    lineTotalExclTax: centsToDa(l.totalCents),
  }));
}

export function totalsForPdf(d: {
  totalExclTaxCents: number;
  vatRatePercent: number | string;
  vatCents: number;
  totalInclTaxCents: number;
}) {
  return {
    exclTax: centsToDa(Number(d.totalExclTaxCents)),
    vatRatePercent: Number(d.vatRatePercent),
    vatAmount: centsToDa(Number(d.vatCents)),
    inclTax: centsToDa(Number(d.totalInclTaxCents)),
  };
}
