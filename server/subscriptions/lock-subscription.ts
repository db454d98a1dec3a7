import type { Transaction } from 'sequelize';
import { Subscription } from '../db/models';
import { notFound } from '../errors';

/** Locks a subscription for a change; a client only ever finds their own company's (else NOT_FOUND). */
export async function lockSubscription(id: number, companyId: number | null, transaction: Transaction) {
  const subscription = await Subscription.findOne({
    where: companyId === null ? { id } : { id, companyId },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (!subscription) throw notFound();
  return subscription;
}
