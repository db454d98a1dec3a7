import { z } from 'zod';

/**
 * What a commercial document PDF (pro-forma, invoice, credit note) is made from. The renderer
 * parses its input with this schema, so a worker job's JSON payload (dates as ISO strings) and an
 * in-process call (Date objects) are both accepted, and a document whose figures do not add up is
 * refused instead of being printed: an issued invoice can never be corrected in place.
 */

const text = z.string().trim().min(1);
const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null));
// A Date in process, an ISO string in a job's JSON payload.
const date = z
  .union([z.date(), z.string()])
  .pipe(z.coerce.date())
  .refine((d) => !Number.isNaN(d.getTime()), 'invalid date');
const money = z.number().finite().nonnegative();

/** Y-tech's own identity: every document it issues must carry its legal ids and bank account. */
export const sellerIdentitySchema = z.object({
  name: text,
  address: text,
  phone: text,
  email: text,
  rc: text,
  nif: text,
  nis: text,
  ai: text,
  bankName: optionalText,
  rib: text,
});

/** At quote time a client company may not have given its legal ids yet (catalog.json). */
export const buyerIdentitySchema = z.object({
  companyName: text,
  address: optionalText,
  phone: optionalText,
  rc: optionalText,
  nif: optionalText,
  nis: optionalText,
  ai: optionalText,
  contactName: optionalText,
});

/** An invoice (and the credit note correcting it) must state the buyer's RC, NIF, NIS and AI. */
const invoicedBuyerIdentitySchema = buyerIdentitySchema.extend({
  address: text,
  rc: text,
  nif: text,
  nis: text,
  ai: text,
});

export const documentLineSchema = z.object({
  description: text,
  /** Subscription months. */
  quantity: z.number().finite().positive(),
  unitPriceExclTax: money,
  discountPercent: z.number().min(0).max(100).default(0),
  lineTotalExclTax: money,
});

export const documentTotalsSchema = z.object({
  exclTax: money,
  vatRatePercent: z.number().min(0).max(100),
  vatAmount: money,
  inclTax: money,
});

const common = {
  issueDate: date,
  lines: z.array(documentLineSchema).min(1),
  totals: documentTotalsSchema,
  /** French labels of the accepted payment methods, e.g. "Virement bancaire". */
  paymentMethods: z.array(text).default([]),
  chosenPaymentMethod: optionalText,
  notes: optionalText,
};

const proformaSchema = z.object({
  kind: z.literal('proforma'),
  number: z.string().regex(/^PF-\d{4}-\d{4,}$/, 'expected PF-YYYY-NNNN'),
  validUntil: date,
  seller: sellerIdentitySchema,
  buyer: buyerIdentitySchema,
  ...common,
});

const invoiceSchema = z.object({
  kind: z.literal('invoice'),
  number: z.string().regex(/^FA-\d{4}-\d{4,}$/, 'expected FA-YYYY-NNNN'),
  /** The pro-forma the invoice comes from, when there is one. */
  proformaNumber: optionalText,
  dueDate: date.nullish(),
  paidAt: date.nullish(),
  seller: sellerIdentitySchema,
  buyer: invoicedBuyerIdentitySchema,
  ...common,
});

const creditNoteSchema = z.object({
  kind: z.literal('credit_note'),
  number: z.string().regex(/^AV-\d{4}-\d{4,}$/, 'expected AV-YYYY-NNNN'),
  referencedInvoiceNumber: z.string().regex(/^FA-\d{4}-\d{4,}$/, 'expected FA-YYYY-NNNN'),
  referencedInvoiceDate: date.nullish(),
  reason: optionalText,
  seller: sellerIdentitySchema,
  buyer: invoicedBuyerIdentitySchema,
  ...common,
});

/** Half a centime per rounding step, plus float noise. */
const TOLERANCE = 0.01 + 1e-9;
const round2 = (n: number) => Math.round(n * 100) / 100;

export const commercialDocumentSchema = z
  .discriminatedUnion('kind', [proformaSchema, invoiceSchema, creditNoteSchema])
  .superRefine((doc, ctx) => {
    // Amounts are computed by the pricing code; here we only refuse to print figures that
    // contradict each other, since the printed document is what binds both parties.
    doc.lines.forEach((line, i) => {
      const expected = round2(line.quantity * line.unitPriceExclTax * (1 - line.discountPercent / 100));
      if (Math.abs(expected - line.lineTotalExclTax) > TOLERANCE) {
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'lineTotalExclTax'],
          message: `line total ${line.lineTotalExclTax} does not match quantity × price − discount (${expected})`,
        });
      }
    });
    const { totals } = doc;
    const linesSum = round2(doc.lines.reduce((sum, l) => sum + l.lineTotalExclTax, 0));
    if (Math.abs(linesSum - totals.exclTax) > TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'exclTax'], message: `expected the sum of the lines (${linesSum})` });
    }
    const vat = round2((totals.exclTax * totals.vatRatePercent) / 100);
    if (Math.abs(vat - totals.vatAmount) > TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'vatAmount'], message: `expected ${vat}` });
    }
    if (Math.abs(round2(totals.exclTax + totals.vatAmount) - totals.inclTax) > TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'inclTax'], message: 'expected excl. tax + VAT' });
    }
  });

/** What callers pass (dates may be ISO strings, optional fields may be left out). */
export type CommercialDocumentInput = z.input<typeof commercialDocumentSchema>;
/** The parsed document the layout works on. */
export type CommercialDocument = z.infer<typeof commercialDocumentSchema>;
export type CommercialDocumentKind = CommercialDocument['kind'];
/** The shape of the seller constant in the configuration (Y-tech's identity). */
export type SellerIdentityInput = z.input<typeof sellerIdentitySchema>;
export type SellerIdentity = z.infer<typeof sellerIdentitySchema>;
export type BuyerIdentity = z.infer<typeof buyerIdentitySchema>;
export type DocumentLine = z.infer<typeof documentLineSchema>;
