import type { Transaction } from 'sequelize';
import { type Proforma, QuoteRequest } from '../../db/models';
import type { Actor } from '../billing-links';
import { applyTransition } from '../apply-transition';
import { canTransition } from '../pipeline-states';

/**
 * The request moves with its offer's answer (accepted, refused, expired) when its machine allows:
 * a subscription's renewal or tier-change pro-forma hangs on a request whose pipeline is over, and
 * that one stays where it is. The pro-forma's audit row tells the step, so the quote writes none.
 */
export async function quoteFollowsProforma(
  proforma: Proforma,
  to: 'accepted' | 'refused' | 'expired',
  actor: Actor | null,
  transaction: Transaction,
): Promise<void> {
  const quote = await QuoteRequest.findByPk(proforma.quoteRequestId, { transaction, lock: transaction.LOCK.UPDATE });
  if (quote && canTransition('quote', quote.status, to)) await applyTransition({ machine: 'quote', record: quote, to }, actor, transaction);
}
