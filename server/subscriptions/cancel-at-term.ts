import { z } from 'zod';
import { Service } from '../db/models';
import { sequelize } from '../db/sequelize';
import { formatDateDz } from '../documents/pdf-format';
import { applyTransition } from '../sales/apply-transition';
import { absoluteUrl, billingLinks, type Actor } from '../sales/billing-links';
import { recordId } from '../validation/fields';
import { lockSubscription } from './lock-subscription';

export const subscriptionIdInput = z.object({ subscriptionId: recordId });

/**
 * The client asks to stop at the end of the period they paid for (or staff record that they
 * did): service continues to the end date, then stops; no renewal pro-forma is issued and the
 * reminders inviting a renewal stop. The sales team hears of it at once, to call the client.
 */
export async function cancelAtTerm(input: z.output<typeof subscriptionIdInput>, companyId: number | null, actor: Actor) {
  return sequelize.transaction(async (transaction) => {
    const subscription = await lockSubscription(input.subscriptionId, companyId, transaction);
    const service = await Service.findByPk(subscription.serviceId, { transaction, rejectOnEmpty: true });
    const params = { service: service.nameFr, end: formatDateDz(subscription.endAt) };
    await applyTransition(
      {
        machine: 'subscription',
        record: subscription,
        to: 'cancelled_at_term',
        changes: { autoRenew: false, cancelRequestedAt: new Date() },
        audit: { action: 'subscription.cancelAtTerm', details: { endAt: subscription.endAt, byClient: companyId !== null } },
        notify: [
          {
            to: 'company',
            kind: 'subscriptionCancelledAtTerm',
            params,
            link: billingLinks.portal(),
            mail: { template: 'subscription-cancelled-at-term', params: { ...params, url: absoluteUrl(billingLinks.portal()) } },
          },
          {
            to: 'staff',
            kind: 'subscriptionCancelRequested',
            params,
            link: billingLinks.staffCompany(subscription.companyId),
            mail: {
              template: 'subscription-cancel-requested',
              params: { ...params, url: absoluteUrl(billingLinks.staffCompany(subscription.companyId)) },
            },
          },
        ],
      },
      actor,
      transaction,
    );
    return { id: subscription.id, status: subscription.status, endAt: subscription.endAt };
  });
}
