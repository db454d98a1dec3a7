import { QuoteRequest } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { applyTransition } from '../apply-transition';
import { quoteReference } from './quote-reference';

/** A client withdraws one of their company's requests; the pipeline says from which states. */
export async function cancelQuoteRequest(userId: number, companyId: number, quoteId: number, ip: string | null) {
  return sequelize.transaction(async (transaction) => {
    const quote = await QuoteRequest.findOne({ where: { id: quoteId, companyId }, transaction, lock: transaction.LOCK.UPDATE });
    if (!quote) throw notFound();
    // Once a pro-forma is out, the client answers it (accept or refuse) rather than cancelling.
    if (quote.status !== 'new' && quote.status !== 'contacted') {
      throw new AppError('ILLEGAL_TRANSITION', 'errors.illegalTransition.quote', { params: { from: quote.status, to: 'cancelled' } });
    }
    await applyTransition(
      {
        machine: 'quote',
        record: quote,
        to: 'cancelled',
        audit: { action: 'quote.cancel' },
        notify: [
          { to: 'staff', kind: 'quoteCancelled', params: { reference: quoteReference(quote.id) }, link: `/backoffice/quotes/${quote.id}` },
        ],
      },
      { userId, ip },
      transaction,
    );
    return { id: quote.id, status: quote.status };
  });
}
