import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { PaymentMethod, QuoteRequest } from '../../db/models';
import { AppError } from '../../errors';
import { notifyStaff } from '../../notifications/notify';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { assertTransition, canTransition } from '../pipeline-states';
import { withLiveProforma } from './proforma-validity';
import { recordId } from '../../validation/fields';

export const acceptProformaInput = z.object({
  proformaId: recordId,
  paymentMethod: z.string({ error: 'validation.billing.paymentMethod' }).trim().min(1, 'validation.billing.paymentMethod').max(30),
});
export const refuseProformaInput = z.object({
  proformaId: recordId,
  reason: z
    .string()
    .trim()
    .max(1000, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null)),
});

/** A client accepts their company's pro-forma and says how they will pay. Past its validity, it expires instead. */
export async function acceptProforma(companyId: number, input: z.output<typeof acceptProformaInput>, actor: Actor) {
  const method = await PaymentMethod.findOne({ where: { code: input.paymentMethod, active: true } });
  if (!method) throw new AppError('BAD_INPUT', 'validation.billing.paymentMethod', { field: 'paymentMethod' });
  return withLiveProforma(input.proformaId, companyId, actor, async (proforma, transaction) => {
    assertTransition('proforma', proforma.status, 'accepted');
    await proforma.update({ status: 'accepted', acceptedAt: new Date(), paymentMethod: method.code }, { transaction });
    const quote = await QuoteRequest.findByPk(proforma.quoteRequestId, { transaction, lock: transaction.LOCK.UPDATE });
    if (quote && canTransition('quote', quote.status, 'accepted')) await quote.update({ status: 'accepted' }, { transaction });
    await recordAudit(
      { actorUserId: actor.userId, action: 'proforma.accept', recordType: 'proforma', recordId: proforma.id, details: { number: proforma.number, paymentMethod: method.code }, ip: actor.ip },
      transaction,
    );
    const params = { number: proforma.number, method: method.nameFr };
    await notifyStaff(
      {
        kind: 'proformaAccepted',
        params,
        link: billingLinks.staffProforma(proforma.id),
        mail: { template: 'proforma-accepted', params: { ...params, url: absoluteUrl(billingLinks.staffProforma(proforma.id)) } },
      },
      transaction,
    );
    return { id: proforma.id, status: 'accepted' as const, paymentMethod: method.code };
  });
}

/** A client refuses their company's pro-forma, with an optional reason for the commercial. */
export async function refuseProforma(companyId: number, input: z.output<typeof refuseProformaInput>, actor: Actor) {
  return withLiveProforma(input.proformaId, companyId, actor, async (proforma, transaction) => {
    assertTransition('proforma', proforma.status, 'refused');
    await proforma.update({ status: 'refused', refusedAt: new Date(), refusalReason: input.reason }, { transaction });
    const quote = await QuoteRequest.findByPk(proforma.quoteRequestId, { transaction, lock: transaction.LOCK.UPDATE });
    if (quote && canTransition('quote', quote.status, 'refused')) await quote.update({ status: 'refused' }, { transaction });
    await recordAudit(
      { actorUserId: actor.userId, action: 'proforma.refuse', recordType: 'proforma', recordId: proforma.id, details: { number: proforma.number, reason: input.reason }, ip: actor.ip },
      transaction,
    );
    const params = { number: proforma.number, reason: input.reason ?? '—' };
    await notifyStaff(
      {
        kind: 'proformaRefused',
        params,
        link: billingLinks.staffProforma(proforma.id),
        mail: { template: 'proforma-refused', params: { ...params, url: absoluteUrl(billingLinks.staffProforma(proforma.id)) } },
      },
      transaction,
    );
    return { id: proforma.id, status: 'refused' as const };
  });
}
