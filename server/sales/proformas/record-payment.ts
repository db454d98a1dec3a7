import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { PaymentMethod, type Proforma } from '../../db/models';
import { receivedPaymentMethods, type ReceivedPaymentMethod } from '../../db/models/payment';
import { sequelize } from '../../db/sequelize';
import { formatAmountDa } from '../../documents/pdf-format';
import { AppError } from '../../errors';
import { companyUserIds, notifyUsers } from '../../notifications/notify';
import { algiersDate } from '../../calendar/algiers-calendar';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { centsToDa } from '../documents/document-amounts';
import { takePayment } from '../payments/take-payment';
import { lockProforma } from './proforma-validity';
import { recordId } from '../../validation/fields';

/** The ways of paying a commercial records by hand; a purchase order goes through its own review. */
export const recordedPaymentMethods = receivedPaymentMethods;

export const recordPaymentInput = z.object({
  proformaId: recordId,
  method: z.enum(recordedPaymentMethods, { error: 'validation.billing.paymentMethod' }),
  reference: z
    .string()
    .trim()
    .max(100, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
  /** The day the money arrived (Algiers calendar); default today. */
  paidOn: z.iso.date('validation.billing.date').optional(),
});

/**
 * Records the full payment of an accepted pro-forma, on the caller's transaction, with the pro-forma
 * locked: its receipt, the mode actually used (what the invoice will print, whatever was announced
 * at acceptance), and the client's notification.
 */
export async function recordProformaPayment(
  proforma: Proforma,
  money: { method: ReceivedPaymentMethod; reference: string | null; paidOn: string; paymentProofId: number | null },
  actor: Actor,
  transaction: Transaction,
) {
  if (proforma.status !== 'accepted') {
    throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.paymentNeedsAcceptedProforma', {
      params: { number: proforma.number, from: proforma.status },
    });
  }
  if (proforma.paymentRecordedAt)
    throw new AppError('CONFLICT', 'errors.billing.paymentAlreadyRecorded', { params: { number: proforma.number } });
  const payment = await takePayment(
    {
      companyId: proforma.companyId,
      proformaId: proforma.id,
      invoiceId: null,
      paymentProofId: money.paymentProofId,
      method: money.method,
      amountCents: Number(proforma.totalInclTaxCents),
      paidOn: money.paidOn,
      reference: money.reference,
    },
    actor,
    transaction,
  );
  await proforma.update({ paymentMethod: money.method, paymentRecordedAt: new Date(), paymentReference: money.reference }, { transaction });
  await recordAudit(
    {
      actorUserId: actor.userId,
      action: 'proforma.recordPayment',
      recordType: 'proforma',
      recordId: proforma.id,
      details: { number: proforma.number, method: money.method, reference: money.reference, receipt: payment.receiptNumber },
      ip: actor.ip,
    },
    transaction,
  );
  const method = await PaymentMethod.findByPk(money.method, { transaction });
  await notifyUsers(
    {
      userIds: await companyUserIds(proforma.companyId, transaction),
      kind: 'paymentRecorded',
      params: { number: proforma.number },
      link: billingLinks.clientProforma(proforma.id),
      mail: {
        template: 'payment-recorded',
        params: {
          number: proforma.number,
          total: formatAmountDa(centsToDa(proforma.totalInclTaxCents)),
          method: method?.nameFr ?? money.method,
          url: absoluteUrl(billingLinks.clientProforma(proforma.id)),
        },
      },
    },
    transaction,
  );
  return payment;
}

/** A commercial records a cash, transfer or cheque payment of an accepted pro-forma: the proof an invoice needs. */
export async function recordPayment(input: z.output<typeof recordPaymentInput>, actor: Actor) {
  const today = algiersDate();
  if (input.paidOn && input.paidOn > today) throw new AppError('BAD_INPUT', 'validation.billing.notInFuture', { field: 'paidOn' });
  return sequelize.transaction(async (transaction) => {
    const proforma = await lockProforma(input.proformaId, null, transaction);
    const payment = await recordProformaPayment(
      proforma,
      { method: input.method, reference: input.reference, paidOn: input.paidOn ?? today, paymentProofId: null },
      actor,
      transaction,
    );
    return { id: proforma.id, paymentMethod: input.method, receiptNumber: payment.receiptNumber, paymentId: payment.id };
  });
}
