import { billingRoles } from '../../accounts/roles';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Op, type Transaction } from 'sequelize';
import { resolveLocale } from '../../../shared/i18n/locales';
import { Company, CreditNote, Invoice, Proforma, User } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { formatAmountDa, formatDateDz } from '../../documents/pdf-format';
import { enqueueMail, type Attachment } from '../../mail/enqueue-mail';
import { algiersMidnight } from '../../calendar/algiers-calendar';
import { absoluteUrl, billingLinks } from '../billing-links';
import { findBillingRecord, renderBillingPdf, type BillingRecord } from './billing-document-pdf';
import { centsToDa } from './document-amounts';
import type { BillingDocumentKind } from './document-delivery-queue';
import { uploadFolders, uploadPath } from '../../uploads/upload-paths';

/**
 * The worker's part of issuing a document: render the PDF, store it under UPLOAD_DIR/documents,
 * and e-mail it to the client. Setting pdf_path and logging the e-mails happen in one transaction,
 * so "has a PDF" means "its e-mail is queued": a replay after a crash, or a second job for the same
 * document, sees pdf_path and sends nothing twice. The file name carries a random part because
 * numbers restart with a fresh database while UPLOAD_DIR may be shared (demo and end-to-end runs).
 */
export async function deliverDocument(kind: BillingDocumentKind, id: number): Promise<'delivered' | 'already-delivered' | 'missing'> {
  const record = await findBillingRecord(kind, id, null);
  if (!record) return 'missing';
  if (record.pdfPath) return 'already-delivered';

  const pdf = await renderBillingPdf(kind, record);
  const relative = `${uploadFolders.documents}/${record.number}-${randomBytes(4).toString('hex')}.pdf`;
  const file = uploadPath(relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, pdf);
  await rename(`${file}.tmp`, file);

  const won = await sequelize.transaction(async (transaction) => {
    const locked = await lockBillingRecord(kind, id, transaction);
    if (!locked || locked.pdfPath) return false;
    await setPdfPath(kind, id, relative, transaction);
    await mailDocument(kind, locked, { filename: `${locked.number}.pdf`, path: file, contentType: 'application/pdf' }, transaction);
    return true;
  });
  if (!won) {
    await rm(file, { force: true });
    return 'already-delivered';
  }
  return 'delivered';
}

async function setPdfPath(kind: BillingDocumentKind, id: number, pdfPath: string, transaction: Transaction): Promise<void> {
  const options = { where: { id }, transaction };
  if (kind === 'proforma') await Proforma.update({ pdfPath }, options);
  else if (kind === 'invoice') await Invoice.update({ pdfPath }, options);
  else await CreditNote.update({ pdfPath }, options);
}

function lockBillingRecord(kind: BillingDocumentKind, id: number, transaction: Transaction): Promise<BillingRecord | null> {
  const options = { transaction, lock: transaction.LOCK.UPDATE };
  if (kind === 'proforma') return Proforma.findByPk(id, options);
  if (kind === 'invoice') return Invoice.findByPk(id, options);
  return CreditNote.findByPk(id, options);
}

async function mailDocument(kind: BillingDocumentKind, record: BillingRecord, attachment: Attachment, transaction: Transaction) {
  // Documents go to the managers and billing contacts, never to a member.
  const users = await User.findAll({
    where: { companyId: record.companyId, role: 'client', companyRole: [...billingRoles], active: true },
    transaction,
  });
  const total = formatAmountDa(centsToDa(record.totalInclTaxCents));
  // The buyer as the document names it: an invoice's copied identity, else the company now.
  const company =
    kind === 'invoice' ? (record as Invoice).buyer.companyName : ((await Company.findByPk(record.companyId, { transaction }))?.name ?? '');
  for (const user of users) {
    const locale = resolveLocale(user.locale);
    if (kind === 'proforma') {
      const p = record as Proforma;
      await enqueueMail(
        {
          to: user.email,
          template: 'proforma-issued',
          locale,
          params: {
            number: p.number,
            total,
            company,
            validUntil: formatDateDz(algiersMidnight(p.validUntil)),
            url: absoluteUrl(billingLinks.clientProforma(p.id)),
          },
          attachments: [attachment],
        },
        transaction,
      );
    } else if (kind === 'invoice') {
      const i = record as Invoice;
      await enqueueMail(
        {
          to: user.email,
          template: 'invoice-issued',
          locale,
          params: {
            number: i.number,
            total,
            company,
            dueDate: formatDateDz(algiersMidnight(i.dueDate)),
            url: absoluteUrl(billingLinks.clientDocuments()),
          },
          attachments: [attachment],
        },
        transaction,
      );
    } else {
      const c = record as CreditNote;
      const invoice = await Invoice.findByPk(c.invoiceId, { transaction });
      await enqueueMail(
        {
          to: user.email,
          template: 'credit-note-issued',
          locale,
          params: { number: c.number, invoiceNumber: invoice?.number ?? '', total, url: absoluteUrl(billingLinks.clientDocuments()) },
          attachments: [attachment],
        },
        transaction,
      );
    }
  }
}

/** Documents whose PDF was never made (a job lost while Redis was down, demo data): for the sweep. */
export async function undeliveredDocuments(olderThanMs = 2 * 60_000): Promise<{ kind: BillingDocumentKind; id: number }[]> {
  const where = { pdfPath: null, createdAt: { [Op.lt]: new Date(Date.now() - olderThanMs) } };
  const [proformas, invoices, notes] = await Promise.all([
    Proforma.findAll({ where, attributes: ['id'], limit: 200 }),
    Invoice.findAll({ where, attributes: ['id'], limit: 200 }),
    CreditNote.findAll({ where, attributes: ['id'], limit: 200 }),
  ]);
  return [
    ...proformas.map((r) => ({ kind: 'proforma' as const, id: r.id })),
    ...invoices.map((r) => ({ kind: 'invoice' as const, id: r.id })),
    ...notes.map((r) => ({ kind: 'creditNote' as const, id: r.id })),
  ];
}
