import { z } from 'zod';
import { Invoice } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { formatAmountDa, formatDateDz } from '../../documents/pdf-format';
import { AppError, notFound } from '../../errors';
import { applyTransition } from '../apply-transition';
import { algiersDate, algiersMidnight } from '../../calendar/algiers-calendar';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { centsToDa } from '../documents/document-amounts';
import { recordId } from '../../validation/fields';
import { receivedPaymentMethods } from '../../db/models/payment';
import { takePayment } from '../payments/take-payment';

export const markInvoicePaidInput = z.object({
  invoiceId: recordId,
  /** The day the money arrived (Algiers calendar); default today. */
  paidOn: z.iso.date('validation.billing.date').optional(),
  /** How the money came (a purchase order's invoice is paid by transfer, cheque or cash). */
  method: z.enum(receivedPaymentMethods, { error: 'validation.billing.paymentMethod' }).default('transfer'),
  reference: z
    .string()
    .trim()
    .max(100, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});

/** Records that an invoice was paid: the only change an issued invoice ever gets besides its PDF. */
export async function markInvoicePaid(input: z.output<typeof markInvoicePaidInput>, actor: Actor) {
  const today = algiersDate();
  if (input.paidOn && input.paidOn > today) throw new AppError('BAD_INPUT', 'validation.billing.notInFuture', { field: 'paidOn' });
  return sequelize.transaction(async (transaction) => {
    const invoice = await Invoice.findByPk(input.invoiceId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!invoice) throw notFound();
    // The machine would refuse both; these say why in the staff's words.
    if (invoice.status === 'credited')
      throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.invoiceCredited', { params: { number: invoice.number } });
    if (invoice.status === 'paid')
      throw new AppError('CONFLICT', 'errors.billing.invoiceAlreadyPaid', { params: { number: invoice.number } });
    const paidAt = input.paidOn && input.paidOn !== today ? algiersMidnight(input.paidOn) : new Date();
    const payment = await takePayment(
      {
        companyId: invoice.companyId,
        proformaId: null,
        invoiceId: invoice.id,
        paymentProofId: null,
        method: input.method,
        amountCents: Number(invoice.totalInclTaxCents),
        paidOn: input.paidOn ?? today,
        reference: input.reference,
      },
      actor,
      transaction,
    );
    await applyTransition(
      {
        machine: 'invoice',
        record: invoice,
        to: 'paid',
        changes: { paidAt },
        audit: {
          action: 'invoice.markPaid',
          details: { number: invoice.number, paidAt, method: input.method, receipt: payment.receiptNumber },
        },
        notify: [
          {
            to: 'company',
            kind: 'invoicePaid',
            params: { number: invoice.number },
            link: billingLinks.clientDocuments(),
            mail: {
              template: 'invoice-paid',
              params: {
                number: invoice.number,
                total: formatAmountDa(centsToDa(invoice.totalInclTaxCents)),
                paidOn: formatDateDz(paidAt),
                url: absoluteUrl(billingLinks.clientDocuments()),
              },
            },
          },
        ],
      },
      actor,
      transaction,
    );
    return { id: invoice.id, paidAt, receiptNumber: payment.receiptNumber };
  });
}
