import type { Transaction } from 'sequelize';
import { recordAudit } from '../../audit/record-audit';
import { Payment } from '../../db/models';
import type { ReceivedPaymentMethod } from '../../db/models/payment';
import type { Actor } from '../billing-links';
import { takeDocumentNumber } from '../documents/document-number';

export type ReceivedMoney = {
  companyId: number;
  proformaId: number | null;
  invoiceId: number | null;
  paymentProofId: number | null;
  method: ReceivedPaymentMethod;
  amountCents: number;
  paidOn: string;
  reference: string | null;
};

/**
 * Writes money received and its receipt number (REC-YYYY-NNNN) on the caller's transaction: the
 * number is taken with the row, so a rolled-back payment gives it back and receipts stay gapless
 * (decision 009). The caller holds the lock on what is being paid (pro-forma or invoice), so the
 * same debt is never received twice by two staff members at once.
 */
export async function takePayment(money: ReceivedMoney, actor: Actor, transaction: Transaction): Promise<Payment> {
  const payment = await Payment.create(
    { ...money, receiptNumber: await takeDocumentNumber('receipt', transaction), recordedByUserId: actor.userId },
    { transaction },
  );
  await recordAudit(
    {
      actorUserId: actor.userId,
      action: 'payment.record',
      recordType: 'payment',
      recordId: payment.id,
      details: {
        receipt: payment.receiptNumber,
        method: money.method,
        amountCents: money.amountCents,
        paidOn: money.paidOn,
        reference: money.reference,
        proformaId: money.proformaId,
        invoiceId: money.invoiceId,
      },
      ip: actor.ip,
    },
    transaction,
  );
  return payment;
}
