import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { PaymentMethod } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { formatAmountDa } from '../../documents/pdf-format';
import { AppError } from '../../errors';
import { companyUserIds, notifyUsers } from '../../notifications/notify';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { centsToDa } from '../document-amounts';
import { lockProforma } from './proforma-validity';

/** The ways of paying a commercial records by hand; a purchase order goes through its own review. */
export const recordedPaymentMethods = ['cash', 'transfer', 'cheque'] as const;

export const recordPaymentInput = z.object({
  proformaId: z.number().int().positive(),
  method: z.enum(recordedPaymentMethods, { error: 'validation.billing.paymentMethod' }),
  reference: z
    .string()
    .trim()
    .max(100, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});

/** A commercial records a cash, transfer or cheque payment of an accepted pro-forma: the proof an invoice needs. */
export async function recordPayment(input: z.output<typeof recordPaymentInput>, actor: Actor) {
  return sequelize.transaction(async (transaction) => {
    const proforma = await lockProforma(input.proformaId, null, transaction);
    if (proforma.status !== 'accepted') {
      throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.paymentNeedsAcceptedProforma', { params: { number: proforma.number, from: proforma.status } });
    }
    if (proforma.paymentRecordedAt) throw new AppError('CONFLICT', 'errors.billing.paymentAlreadyRecorded', { params: { number: proforma.number } });
    const method = await PaymentMethod.findByPk(input.method, { transaction });
    await proforma.update({ paymentMethod: input.method, paymentRecordedAt: new Date(), paymentReference: input.reference }, { transaction });
    await recordAudit(
      { actorUserId: actor.userId, action: 'proforma.recordPayment', recordType: 'proforma', recordId: proforma.id, details: { number: proforma.number, method: input.method, reference: input.reference }, ip: actor.ip },
      transaction,
    );
    await notifyUsers(
      {
        userIds: await companyUserIds(proforma.companyId, transaction),
        kind: 'paymentRecorded',
        params: { number: proforma.number },
        link: billingLinks.clientProforma(proforma.id),
        mail: {
          template: 'payment-recorded',
          params: { number: proforma.number, total: formatAmountDa(centsToDa(proforma.totalInclTaxCents)), method: method?.nameFr ?? input.method, url: absoluteUrl(billingLinks.clientProforma(proforma.id)) },
        },
      },
      transaction,
    );
    return { id: proforma.id, paymentMethod: input.method };
  });
}
