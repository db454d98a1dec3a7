import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { Proforma, PurchaseOrder } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { companyUserIds, notifyUsers } from '../../notifications/notify';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { assertTransition } from '../pipeline-states';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

export const reviewPurchaseOrderInput = z
  .object({
    purchaseOrderId: z.number().int().positive(),
    decision: z.enum(['accept', 'refuse']),
    poNumber: optionalText(100),
    amountDa: z.number({ error: 'validation.billing.amount' }).nonnegative('validation.billing.amount').max(10_000_000_000).optional(),
    reason: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'accept' && !v.poNumber) ctx.addIssue({ code: 'custom', path: ['poNumber'], message: 'validation.required' });
    if (v.decision === 'accept' && v.amountDa === undefined) ctx.addIssue({ code: 'custom', path: ['amountDa'], message: 'validation.billing.amount' });
    if (v.decision === 'refuse' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.billing.reasonRequired' });
  });

/** Whether the client's order is for the pro-forma's total incl. tax, to the centime. */
export const amountMatches = (amountCents: number | null, proforma: Pick<Proforma, 'totalInclTaxCents'>) =>
  amountCents !== null && Number(amountCents) === Number(proforma.totalInclTaxCents);

/**
 * A commercial reviews an uploaded purchase order: records the client's PO number and amount,
 * then accepts it (the proof of order an invoice needs) or refuses it with a reason, which asks
 * the client for a corrected document. A second review is refused by the state machine.
 */
export async function reviewPurchaseOrder(input: z.output<typeof reviewPurchaseOrderInput>, actor: Actor) {
  return sequelize.transaction(async (transaction) => {
    const order = await PurchaseOrder.findByPk(input.purchaseOrderId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!order) throw notFound();
    const to = input.decision === 'accept' ? 'accepted' : 'refused';
    assertTransition('purchaseOrder', order.status, to);
    const proforma = await Proforma.findByPk(order.proformaId, { transaction, lock: transaction.LOCK.UPDATE, rejectOnEmpty: true });
    if (to === 'accepted' && proforma.status !== 'accepted') {
      throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.poNeedsAcceptedProforma', { params: { number: proforma.number, from: proforma.status } });
    }
    const amountCents = input.amountDa === undefined ? null : Math.round(input.amountDa * 100);
    await order.update(
      { status: to, poNumber: input.poNumber, amountCents, refusalReason: to === 'refused' ? input.reason : null, reviewedByUserId: actor.userId, reviewedAt: new Date() },
      { transaction },
    );
    if (to === 'accepted') await proforma.update({ paymentMethod: 'purchase_order' }, { transaction });
    const match = amountMatches(amountCents, proforma);
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: to === 'accepted' ? 'purchaseOrder.accept' : 'purchaseOrder.refuse',
        recordType: 'purchase_order',
        recordId: order.id,
        details: { proforma: proforma.number, poNumber: input.poNumber, amountCents, match, reason: input.reason },
        ip: actor.ip,
      },
      transaction,
    );
    const link = billingLinks.clientProforma(proforma.id);
    const userIds = await companyUserIds(proforma.companyId, transaction);
    if (to === 'accepted') {
      await notifyUsers(
        { userIds, kind: 'purchaseOrderAccepted', params: { number: proforma.number }, link, mail: { template: 'purchase-order-accepted', params: { number: proforma.number, url: absoluteUrl(link) } } },
        transaction,
      );
    } else {
      await notifyUsers(
        {
          userIds,
          kind: 'purchaseOrderRefused',
          params: { number: proforma.number, reason: input.reason ?? '' },
          link,
          mail: { template: 'purchase-order-refused', params: { number: proforma.number, reason: input.reason ?? '', url: absoluteUrl(link) } },
        },
        transaction,
      );
    }
    return { id: order.id, status: to, match };
  });
}
