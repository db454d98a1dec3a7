import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { CreditNote, Invoice } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { formatAmountDa, formatDateDz } from '../../documents/pdf-format';
import { AppError, notFound } from '../../errors';
import { companyUserIds, notifyUsers } from '../../notifications/notify';
import { algiersDate, algiersMidnight } from '../algiers-calendar';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { centsToDa } from '../document-amounts';

export const markInvoicePaidInput = z.object({
  invoiceId: z.number().int().positive(),
  /** The day the money arrived (Algiers calendar); default today. */
  paidOn: z.iso.date('validation.billing.date').optional(),
});

/** Records that an invoice was paid: the only change an issued invoice ever gets besides its PDF. */
export async function markInvoicePaid(input: z.output<typeof markInvoicePaidInput>, actor: Actor) {
  const today = algiersDate();
  if (input.paidOn && input.paidOn > today) throw new AppError('BAD_INPUT', 'validation.billing.notInFuture', { field: 'paidOn' });
  return sequelize.transaction(async (transaction) => {
    const invoice = await Invoice.findByPk(input.invoiceId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!invoice) throw notFound();
    if (await CreditNote.count({ where: { invoiceId: invoice.id }, transaction })) {
      throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.invoiceCredited', { params: { number: invoice.number } });
    }
    if (invoice.paidAt) throw new AppError('CONFLICT', 'errors.billing.invoiceAlreadyPaid', { params: { number: invoice.number } });
    const paidAt = input.paidOn && input.paidOn !== today ? algiersMidnight(input.paidOn) : new Date();
    await invoice.update({ paidAt }, { transaction });
    await recordAudit(
      { actorUserId: actor.userId, action: 'invoice.markPaid', recordType: 'invoice', recordId: invoice.id, details: { number: invoice.number, paidAt }, ip: actor.ip },
      transaction,
    );
    await notifyUsers(
      {
        userIds: await companyUserIds(invoice.companyId, transaction),
        kind: 'invoicePaid',
        params: { number: invoice.number },
        link: billingLinks.clientDocuments(),
        mail: {
          template: 'invoice-paid',
          params: { number: invoice.number, total: formatAmountDa(centsToDa(invoice.totalInclTaxCents)), paidOn: formatDateDz(paidAt), url: absoluteUrl(billingLinks.clientDocuments()) },
        },
      },
      transaction,
    );
    return { id: invoice.id, paidAt };
  });
}
