import { z } from 'zod';
import { PaymentMethod } from '../../db/models';
import { AppError } from '../../errors';
import { applyTransition } from '../apply-transition';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { withLiveProforma } from './proforma-validity';
import { quoteFollowsProforma } from './quote-follows-proforma';
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
    const params = { number: proforma.number, method: method.nameFr };
    const link = billingLinks.staffProforma(proforma.id);
    await applyTransition(
      {
        machine: 'proforma',
        record: proforma,
        to: 'accepted',
        changes: { acceptedAt: new Date(), paymentMethod: method.code },
        audit: { action: 'proforma.accept', details: { number: proforma.number, paymentMethod: method.code } },
        notify: [
          {
            to: 'staff',
            kind: 'proformaAccepted',
            params,
            link,
            mail: { template: 'proforma-accepted', params: { ...params, url: absoluteUrl(link) } },
          },
        ],
      },
      actor,
      transaction,
    );
    await quoteFollowsProforma(proforma, 'accepted', actor, transaction);
    return { id: proforma.id, status: 'accepted' as const, paymentMethod: method.code };
  });
}

/** A client refuses their company's pro-forma, with an optional reason for the commercial. */
export async function refuseProforma(companyId: number, input: z.output<typeof refuseProformaInput>, actor: Actor) {
  return withLiveProforma(input.proformaId, companyId, actor, async (proforma, transaction) => {
    const params = { number: proforma.number, reason: input.reason ?? '—' };
    const link = billingLinks.staffProforma(proforma.id);
    await applyTransition(
      {
        machine: 'proforma',
        record: proforma,
        to: 'refused',
        changes: { refusedAt: new Date(), refusalReason: input.reason },
        audit: { action: 'proforma.refuse', details: { number: proforma.number, reason: input.reason } },
        notify: [
          {
            to: 'staff',
            kind: 'proformaRefused',
            params,
            link,
            mail: { template: 'proforma-refused', params: { ...params, url: absoluteUrl(link) } },
          },
        ],
      },
      actor,
      transaction,
    );
    await quoteFollowsProforma(proforma, 'refused', actor, transaction);
    return { id: proforma.id, status: 'refused' as const };
  });
}
