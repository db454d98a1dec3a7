import type { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { QuoteCall, QuoteRequest } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { notFound } from '../../errors';
import type { logQuoteCallInput } from './quote-request-schemas';

/** A commercial writes down a call: its outcome and what was said. The status is not changed here. */
export async function logQuoteCall(staffUserId: number, input: z.infer<typeof logQuoteCallInput>, ip: string | null) {
  return sequelize.transaction(async (transaction) => {
    const quote = await QuoteRequest.findByPk(input.quoteId, { transaction });
    if (!quote) throw notFound();
    const call = await QuoteCall.create(
      { quoteRequestId: quote.id, userId: staffUserId, outcome: input.outcome, note: input.note },
      { transaction },
    );
    await recordAudit(
      {
        actorUserId: staffUserId,
        action: 'quote.call',
        recordType: 'quote_request',
        recordId: quote.id,
        details: { callId: call.id, outcome: call.outcome },
        ip,
      },
      transaction,
    );
    return { id: call.id, outcome: call.outcome, note: call.note, createdAt: call.createdAt };
  });
}
