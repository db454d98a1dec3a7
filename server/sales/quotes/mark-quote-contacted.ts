import { recordAudit } from '../../audit/record-audit';
import { QuoteRequest } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { notFound } from '../../errors';
import { notifyUsers } from '../../notifications/notify';
import { assertTransition } from '../pipeline-states';
import { quoteReference } from './quote-reference';

/** The client has been reached: the request leaves the "to call" list. */
export async function markQuoteContacted(staffUserId: number, quoteId: number, ip: string | null) {
  return sequelize.transaction(async (transaction) => {
    // Locked: two commercials clicking at once get one transition and one refusal.
    const quote = await QuoteRequest.findByPk(quoteId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!quote) throw notFound();
    assertTransition('quote', quote.status, 'contacted');
    const from = quote.status;
    await quote.update({ status: 'contacted', contactedAt: new Date() }, { transaction });
    await recordAudit(
      { actorUserId: staffUserId, action: 'quote.contacted', recordType: 'quote_request', recordId: quote.id, details: { from, to: 'contacted' }, ip },
      transaction,
    );
    await notifyUsers(
      { userIds: [quote.requesterUserId], kind: 'quoteContacted', params: { reference: quoteReference(quote.id) }, link: '/portal' },
      transaction,
    );
    return { id: quote.id, status: quote.status, contactedAt: quote.contactedAt };
  });
}
