import { QuoteRequest } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { notFound } from '../../errors';
import { applyTransition } from '../apply-transition';
import { quoteReference } from './quote-reference';

/** The client has been reached: the request leaves the "to call" list. */
export async function markQuoteContacted(staffUserId: number, quoteId: number, ip: string | null) {
  return sequelize.transaction(async (transaction) => {
    // Locked: two commercials clicking at once get one transition and one refusal.
    const quote = await QuoteRequest.findByPk(quoteId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!quote) throw notFound();
    await applyTransition(
      {
        machine: 'quote',
        record: quote,
        to: 'contacted',
        changes: { contactedAt: new Date() },
        audit: { action: 'quote.contacted' },
        // The person who asked, not the whole company: the call was with them.
        notify: [
          {
            to: { userIds: [quote.requesterUserId] },
            kind: 'quoteContacted',
            params: { reference: quoteReference(quote.id) },
            link: '/portal',
          },
        ],
      },
      { userId: staffUserId, ip },
      transaction,
    );
    return { id: quote.id, status: quote.status, contactedAt: quote.contactedAt };
  });
}
