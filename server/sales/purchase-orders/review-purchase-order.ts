import { z } from 'zod';
import { Proforma, PurchaseOrder } from '../../db/models';
import { purchaseOrderMismatches } from './compare-purchase-order';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { applyTransition } from '../apply-transition';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { assertTransition } from '../pipeline-states';
import { optionalSingleLine, recordId } from '../../validation/fields';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

const amountDa = z.number({ error: 'validation.billing.amount' }).nonnegative('validation.billing.amount').max(10_000_000_000).optional();

export const reviewPurchaseOrderInput = z
  .object({
    purchaseOrderId: recordId,
    decision: z.enum(['accept', 'refuse']),
    poNumber: optionalSingleLine(100),
    /** The pro-forma number the order cites. */
    proformaReference: optionalSingleLine(30),
    poDate: z.iso.date('validation.billing.date').optional(),
    amountExclTaxDa: amountDa,
    amountDa,
    reason: optionalText(1000),
    /** Why an order that differs from the pro-forma is accepted all the same (audited). */
    overrideReason: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'accept') {
      if (!v.poNumber) ctx.addIssue({ code: 'custom', path: ['poNumber'], message: 'validation.required' });
      if (!v.proformaReference) ctx.addIssue({ code: 'custom', path: ['proformaReference'], message: 'validation.required' });
      if (!v.poDate) ctx.addIssue({ code: 'custom', path: ['poDate'], message: 'validation.billing.date' });
      if (v.amountExclTaxDa === undefined)
        ctx.addIssue({ code: 'custom', path: ['amountExclTaxDa'], message: 'validation.billing.amount' });
      if (v.amountDa === undefined) ctx.addIssue({ code: 'custom', path: ['amountDa'], message: 'validation.billing.amount' });
      if (v.overrideReason !== null && v.overrideReason.length < 10)
        ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'validation.billing.overrideReasonShort' });
    }
    if (v.decision === 'refuse' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.billing.reasonRequired' });
  });

const toCents = (da: number | undefined) => (da === undefined ? null : Math.round(da * 100));

/**
 * A commercial reviews an uploaded purchase order: types what it says (its number, the pro-forma
 * it cites, its date, its HT and TTC amounts), then accepts it (the proof of order an invoice
 * needs) or refuses it with a reason, which asks the client for a corrected document. An order
 * that differs from the pro-forma on any of these is refused acceptance unless the reviewer
 * writes why it is accepted all the same: that override is audited and shown on the invoice's
 * history. A second review is refused by the state machine.
 */
export async function reviewPurchaseOrder(input: z.output<typeof reviewPurchaseOrderInput>, actor: Actor) {
  return sequelize.transaction(async (transaction) => {
    const order = await PurchaseOrder.findByPk(input.purchaseOrderId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!order) throw notFound();
    const to = input.decision === 'accept' ? 'accepted' : 'refused';
    // A second review is the machine's refusal, whatever the typed fields say: checked before them.
    assertTransition('purchaseOrder', order.status, to);
    const proforma = await Proforma.findByPk(order.proformaId, { transaction, lock: transaction.LOCK.UPDATE, rejectOnEmpty: true });
    if (to === 'accepted' && proforma.status !== 'accepted') {
      throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.poNeedsAcceptedProforma', {
        params: { number: proforma.number, from: proforma.status },
      });
    }
    const typed = {
      proformaReference: input.proformaReference,
      poDate: input.poDate ?? null,
      amountExclTaxCents: toCents(input.amountExclTaxDa),
      amountCents: toCents(input.amountDa),
    };
    const mismatches = purchaseOrderMismatches(typed, proforma);
    const overridden = to === 'accepted' && mismatches.length > 0;
    if (overridden && !input.overrideReason) {
      throw new AppError('CONFLICT', 'errors.billing.poMismatch', {
        field: 'overrideReason',
        params: { count: mismatches.length, checks: mismatches.join(',') },
      });
    }
    const link = billingLinks.clientProforma(proforma.id);
    const reason = input.reason ?? '';
    await applyTransition(
      {
        machine: 'purchaseOrder',
        record: order,
        to,
        changes: {
          poNumber: input.poNumber,
          ...typed,
          mismatches: mismatches.length > 0 ? mismatches : null,
          overrideReason: overridden ? input.overrideReason : null,
          refusalReason: to === 'refused' ? input.reason : null,
          reviewedByUserId: actor.userId,
          reviewedAt: new Date(),
        },
        audit: {
          action: overridden ? 'purchaseOrder.override' : to === 'accepted' ? 'purchaseOrder.accept' : 'purchaseOrder.refuse',
          details: {
            proforma: proforma.number,
            poNumber: input.poNumber,
            ...typed,
            mismatches,
            overrideReason: overridden ? input.overrideReason : null,
            reason: input.reason,
          },
        },
        notify: [
          to === 'accepted'
            ? {
                to: 'company',
                kind: 'purchaseOrderAccepted',
                params: { number: proforma.number },
                link,
                mail: { template: 'purchase-order-accepted', params: { number: proforma.number, url: absoluteUrl(link) } },
              }
            : {
                to: 'company',
                kind: 'purchaseOrderRefused',
                params: { number: proforma.number, reason },
                link,
                mail: { template: 'purchase-order-refused', params: { number: proforma.number, reason, url: absoluteUrl(link) } },
              },
        ],
      },
      actor,
      transaction,
    );
    if (to === 'accepted') await proforma.update({ paymentMethod: 'purchase_order' }, { transaction });
    const match = mismatches.length === 0;
    return { id: order.id, status: to, match, mismatches };
  });
}
