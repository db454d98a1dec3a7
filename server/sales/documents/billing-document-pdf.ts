import { CreditNote, Invoice, Proforma } from '../../db/models';
import { renderCommercialDocumentPdf } from '../../documents/document-pdf';
import { creditNoteDocumentInput, invoiceDocumentInput } from '../invoices/invoice-document';
import { proformaDocumentInput } from '../proformas/proforma-document';
import type { BillingDocumentKind } from './document-delivery-queue';

export type BillingRecord = Proforma | Invoice | CreditNote;

export async function findBillingRecord(kind: BillingDocumentKind, id: number, companyId: number | null): Promise<BillingRecord | null> {
  const where = companyId === null ? { id } : { id, companyId };
  if (kind === 'proforma') return Proforma.findOne({ where });
  if (kind === 'invoice') return Invoice.findOne({ where });
  return CreditNote.findOne({ where });
}

/** Renders the PDF of a pro-forma, an invoice or a credit note from what is stored. */
export async function renderBillingPdf(kind: BillingDocumentKind, record: BillingRecord): Promise<Buffer> {
  if (kind === 'proforma') return renderCommercialDocumentPdf(await proformaDocumentInput(record as Proforma));
  if (kind === 'invoice') return renderCommercialDocumentPdf(await invoiceDocumentInput(record as Invoice));
  return renderCommercialDocumentPdf(await creditNoteDocumentInput(record as CreditNote));
}
