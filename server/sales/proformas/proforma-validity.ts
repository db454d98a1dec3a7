import type { Transaction } from 'sequelize';
import { Proforma } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { applyTransition } from '../apply-transition';
import { algiersDate } from '../../calendar/algiers-calendar';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { quoteFollowsProforma } from './quote-follows-proforma';

/** Locks a pro-forma for a change; a client only ever finds their own company's (else NOT_FOUND). */
export async function lockProforma(id: number, companyId: number | null, transaction: Transaction) {
  const proforma = await Proforma.findOne({
    where: companyId === null ? { id } : { id, companyId },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (!proforma) throw notFound();
  return proforma;
}

/** The offer stands through the whole of its last day, in Algiers. */
export function isPastValidity(proforma: Pick<Proforma, 'validUntil'>, now = new Date()): boolean {
  return proforma.validUntil < algiersDate(now);
}

/** The refusal a client gets for an expired offer, with what the page needs to offer a new quote. */
export function proformaExpiredError(proforma: Pick<Proforma, 'number' | 'quoteRequestId'>) {
  return new AppError('ILLEGAL_TRANSITION', 'errors.billing.proformaExpired', {
    params: { number: proforma.number, quoteId: proforma.quoteRequestId },
  });
}

/** pending → expired, the quote with it, told to the client (with a new-quote link) and the staff. */
export async function expireProforma(proforma: Proforma, actor: Actor | null, transaction: Transaction): Promise<void> {
  const params = { number: proforma.number };
  const newQuote = billingLinks.newQuoteFrom(proforma.quoteRequestId);
  await applyTransition(
    {
      machine: 'proforma',
      record: proforma,
      to: 'expired',
      audit: { action: 'proforma.expire', details: { number: proforma.number, validUntil: proforma.validUntil } },
      notify: [
        {
          to: 'company',
          kind: 'proformaExpired',
          params,
          link: newQuote,
          mail: { template: 'proforma-expired', params: { number: proforma.number, newQuoteUrl: absoluteUrl(newQuote) } },
        },
        { to: 'staff', kind: 'proformaExpiredStaff', params, link: billingLinks.staffProforma(proforma.id) },
      ],
    },
    actor,
    transaction,
  );
  await quoteFollowsProforma(proforma, 'expired', actor, transaction);
}

/**
 * Runs a client's step on a pro-forma that must still be open. A pending offer found past its
 * validity is marked expired (that change is kept) and the step is refused with the new-quote
 * offer; an offer already expired is refused the same way.
 */
export async function withLiveProforma<T>(
  id: number,
  companyId: number,
  actor: Actor,
  step: (proforma: Proforma, transaction: Transaction) => Promise<T>,
): Promise<T> {
  const outcome = await sequelize.transaction(async (transaction) => {
    const proforma = await lockProforma(id, companyId, transaction);
    if (proforma.status === 'pending' && isPastValidity(proforma)) {
      await expireProforma(proforma, actor, transaction);
      return { expired: proforma, done: null };
    }
    if (proforma.status === 'expired') return { expired: proforma, done: null };
    return { expired: null, done: await step(proforma, transaction) };
  });
  if (outcome.expired) throw proformaExpiredError(outcome.expired);
  return outcome.done as T;
}
