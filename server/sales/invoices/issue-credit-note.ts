import { z } from 'zod';
import { sequelize } from '../../db/sequelize';
import { recordAudit } from '../../audit/record-audit';
import { CreditNote, Invoice } from '../../db/models';
import { AppError, notFound } from '../../errors';
import { companyUserIds, notifyUsers } from '../../notifications/notify';
import { billingLinks, type Actor } from '../billing-links';
import { queueDocumentDelivery } from '../document-delivery-queue';
import { takeDocumentNumber } from '../document-number';

export const issueCreditNoteInput = z.object({
  invoiceId: z.number().int().positive(),
  reason: z.string({ error: 'validation.required' }).trim().min(3, 'validation.billing.reasonRequired').max(1000, 'validation.tooLong'),
});

/**
 * An issued invoice is never edited or deleted: a mistake is cancelled by a credit note for its
 * full amount (AV-YYYY-NNNN, its own gapless sequence), after which a new invoice may be issued
 * from the same pro-forma.
 */
export async function issueCreditNote(input: z.output<typeof issueCreditNoteInput>, actor: Actor) {
  const note = await sequelize.transaction(async (transaction) => {
    const invoice = await Invoice.findByPk(input.invoiceId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!invoice) throw notFound();
    const existing = await CreditNote.findOne({ where: { invoiceId: invoice.id }, transaction });
    if (existing) throw new AppError('CONFLICT', 'errors.billing.creditNoteExists', { params: { number: invoice.number, creditNote: existing.number } });
    const created = await CreditNote.create(
      {
        number: await takeDocumentNumber('creditNote', transaction),
        invoiceId: invoice.id,
        companyId: invoice.companyId,
        issuedByUserId: actor.userId,
        reason: input.reason,
        totalExclTaxCents: invoice.totalExclTaxCents,
        vatCents: invoice.vatCents,
        totalInclTaxCents: invoice.totalInclTaxCents,
        pdfPath: null,
      },
      { transaction },
    );
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'creditNote.issue',
        recordType: 'credit_note',
        recordId: created.id,
        details: { number: created.number, invoiceNumber: invoice.number, reason: input.reason },
        ip: actor.ip,
      },
      transaction,
    );
    await notifyUsers(
      { userIds: await companyUserIds(invoice.companyId, transaction), kind: 'creditNoteIssued', params: { number: created.number, invoice: invoice.number }, link: billingLinks.clientDocuments() },
      transaction,
    );
    queueDocumentDelivery('creditNote', created, transaction);
    return created;
  });
  return { id: note.id, number: note.number };
}
