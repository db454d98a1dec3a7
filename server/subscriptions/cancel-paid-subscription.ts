import type { Transaction } from 'sequelize';
import { Service, Subscription, type CreditNote, type Invoice } from '../db/models';
import { formatDateDz } from '../documents/pdf-format';
import { applyTransition } from '../sales/apply-transition';
import { billingLinks, type Actor } from '../sales/billing-links';

/**
 * A credit note cancels a sale: the period its invoice paid for ends now (a period not started
 * yet ends before it starts). Runs in the credit note's transaction, so the note, the end of the
 * service and their audit rows exist together or not at all. Returns the ended subscriptions.
 */
export async function cancelPaidSubscription(invoice: Invoice, note: CreditNote, actor: Actor, transaction: Transaction) {
  // Several rows after a downgrade: the period before the change and the one after it, one sale.
  const subscriptions = await Subscription.findAll({
    where: { invoiceId: invoice.id, status: ['active', 'cancelled_at_term', 'replaced'] },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  for (const subscription of subscriptions) await cancelOne(subscription, invoice, note, actor, transaction);
  return subscriptions;
}

async function cancelOne(subscription: Subscription, invoice: Invoice, note: CreditNote, actor: Actor, transaction: Transaction) {
  const previousEndAt = subscription.endAt;
  const endAt = new Date(Math.max(subscription.startAt.getTime(), Math.min(previousEndAt.getTime(), Date.now())));
  const service = await Service.findByPk(subscription.serviceId, { transaction, rejectOnEmpty: true });
  await applyTransition(
    {
      machine: 'subscription',
      record: subscription,
      to: 'cancelled',
      changes: { endAt, autoRenew: false },
      audit: { action: 'subscription.cancel', details: { creditNote: note.number, invoice: invoice.number, previousEndAt, endAt } },
      notify: [
        {
          to: 'company',
          kind: 'subscriptionCancelled',
          params: { service: service.nameFr, creditNote: note.number, end: formatDateDz(endAt) },
          link: billingLinks.clientDocuments(),
        },
      ],
    },
    actor,
    transaction,
  );
}
