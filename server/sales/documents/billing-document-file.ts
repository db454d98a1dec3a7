import { readFile } from 'node:fs/promises';
import type { Proforma } from '../../db/models';
import { notFound } from '../../errors';
import { findBillingRecord, renderBillingPdf } from './billing-document-pdf';
import type { BillingDocumentKind } from './document-delivery-queue';
import { uploadPath } from '../../uploads/upload-paths';
import { companyScope, type Viewer } from '../viewer-scope';

/**
 * The PDF of a pro-forma, an invoice or a credit note, for its company's clients or the staff.
 * Until the worker has stored it (just issued), it is rendered on the fly from the same data,
 * without being stored: storing is the worker's, together with the e-mail.
 */
export async function billingDocumentFile(kind: BillingDocumentKind, id: number, viewer: Viewer) {
  const record = await findBillingRecord(kind, id, companyScope(viewer));
  if (!record) throw notFound();
  let bytes: Buffer | null = null;
  // A pro-forma the client has answered is drawn again so that it names the payment mode chosen
  // (the mailed copy, made at issue, lists the accepted ones). Invoices and credit notes never change.
  const answered = kind === 'proforma' && (record as Proforma).paymentMethod !== null;
  if (record.pdfPath && !answered) bytes = await readFile(uploadPath(record.pdfPath)).catch(() => null);
  bytes ??= await renderBillingPdf(kind, record);
  return { fileName: `${record.number}.pdf`, contentType: 'application/pdf', bytes };
}
