import { z } from 'zod';
import { sequelize } from '../../db/sequelize';
import { CreditNote, Invoice } from '../../db/models';
import { AppError, notFound } from '../../errors';
import { cancelPaidSubscription } from '../../subscriptions/cancel-paid-subscription';
import { applyTransition } from '../apply-transition';
import { billingLinks, type Actor } from '../billing-links';
import { queueDocumentDelivery } from '../documents/document-delivery-queue';
import { takeDocumentNumber } from '../documents/document-number';
import { recordId } from '../../validation/fields';

export const issueCreditNoteInput = z.object({
  invoiceId: recordId,
  reason: z.string({ error: 'validation.required' }).trim().min(3, 'validation.billing.reasonRequired').max(1000, 'validation.tooLong'),
});

/**
 * An issued invoice is never edited or deleted: a mistake is cancelled by a credit note for its
 * full amount (AV-YYYY-NNNN, its own gapless sequence). The subscription the invoice paid for, if
 * any, ends in the same transaction. A new invoice may then be issued from the same pro-forma only
 * if none of its invoices ever started a subscription (issue-invoice.ts): one payment, one period.
 */
export async function issueCreditNote(input: z.output<typeof issueCreditNoteInput>, actor: Actor) {
  const note = await sequelize.transaction(async (transaction) => {
    const invoice = await Invoice.findByPk(input.invoiceId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!invoice) throw notFound();
    const existing = await CreditNote.findOne({ where: { invoiceId: invoice.id }, transaction });
    if (existing)
      throw new AppError('CONFLICT', 'errors.billing.creditNoteExists', {
        params: { number: invoice.number, creditNote: existing.number },
      });
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
    await applyTransition(
      {
        machine: 'invoice',
        record: invoice,
        to: 'credited',
        audit: {
          action: 'creditNote.issue',
          details: { number: created.number, invoiceNumber: invoice.number, creditNoteId: created.id, reason: input.reason },
        },
        notify: [
          {
            to: 'company',
            kind: 'creditNoteIssued',
            params: { number: created.number, invoice: invoice.number },
            link: billingLinks.clientDocuments(),
          },
        ],
      },
      actor,
      transaction,
    );
    await cancelPaidSubscription(invoice, created, actor, transaction);
    queueDocumentDelivery('creditNote', created, transaction);
    return created;
  });
  return { id: note.id, number: note.number };
}
