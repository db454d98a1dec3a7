import { Op } from 'sequelize';
import { Subscription } from '../db/models';
import { billingLinks } from '../sales/billing-links';
import { lastQuoteOf } from '../sales/proformas/proforma-detail';
import { isSuperClient } from '../subscriptions/super-client';

/**
 * What a portal page shows a client whose company has no active subscription: when the last one
 * ended (if any) and where to renew. The park and ticket data stay in the cache for the renewal.
 */
export async function portalAccess(companyId: number, now = new Date()) {
  if (await isSuperClient(companyId, now)) return { superClient: true as const, endedAt: null, renewUrl: null };
  const [last, quoteId] = await Promise.all([
    Subscription.findOne({
      where: { companyId, endAt: { [Op.lte]: now } },
      order: [['endAt', 'DESC']],
      attributes: ['endAt', 'quoteRequestId'],
    }),
    lastQuoteOf(companyId),
  ]);
  const renewFrom = last?.quoteRequestId ?? quoteId;
  return {
    superClient: false as const,
    endedAt: last?.endAt ?? null,
    renewUrl: renewFrom === null ? '/quote' : billingLinks.newQuoteFrom(renewFrom),
  };
}
