import { type CreditNote, Invoice, Proforma } from '../../db/models';
import type { CommercialDocumentInput } from '../../documents/commercial-document-schema';
import { algiersMidnight } from '../../calendar/algiers-calendar';
import { linesForPdf, totalsForPdf } from '../documents/document-amounts';
import { paymentMethodLabels } from '../proformas/proforma-document';
import { sellerIdentity } from '../documents/seller-identity';
import type { InvoiceBuyer } from '../../db/models/invoice';

/** The snapshot as printed; a missing id makes the renderer refuse the document rather than print it without. */
const invoicedBuyer = (b: InvoiceBuyer) => ({
  ...b,
  address: b.address ?? '',
  rc: b.rc ?? '',
  nif: b.nif ?? '',
  nis: b.nis ?? '',
  ai: b.ai ?? '',
});

/** What the PDF renderer needs for an invoice: the buyer as copied when it was issued. */
export async function invoiceDocumentInput(invoice: Invoice): Promise<CommercialDocumentInput> {
  const proforma = await Proforma.findByPk(invoice.proformaId);
  const methods = await paymentMethodLabels(invoice.paymentMethod);
  return {
    kind: 'invoice',
    number: invoice.number,
    proformaNumber: proforma?.number ?? null,
    issueDate: invoice.createdAt,
    dueDate: algiersMidnight(invoice.dueDate),
    paidAt: invoice.paidAt,
    seller: sellerIdentity,
    buyer: invoicedBuyer(invoice.buyer),
    lines: linesForPdf(invoice.lines),
    totals: totalsForPdf(invoice),
    paymentMethods: methods.accepted,
    chosenPaymentMethod: methods.chosen,
  };
}

/** A credit note cancels its invoice in full: the same lines and totals, referencing it. */
export async function creditNoteDocumentInput(note: CreditNote): Promise<CommercialDocumentInput> {
  const invoice = await Invoice.findByPk(note.invoiceId, { rejectOnEmpty: true });
  return {
    kind: 'credit_note',
    number: note.number,
    referencedInvoiceNumber: invoice.number,
    referencedInvoiceDate: invoice.createdAt,
    reason: note.reason,
    issueDate: note.createdAt,
    seller: sellerIdentity,
    buyer: invoicedBuyer(invoice.buyer),
    lines: linesForPdf(invoice.lines),
    totals: totalsForPdf({ ...note.get(), vatRatePercent: invoice.vatRatePercent }),
  };
}
