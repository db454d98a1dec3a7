import { QueryTypes } from 'sequelize';
import { Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { readDashboard } from '../glpi-cache/dashboard-aggregates';
import { syncFreshness } from '../glpi-cache/sync-freshness';
import { billingLinks } from '../sales/billing-links';
import { lastQuoteOf } from '../sales/proformas/proforma-detail';
import { companySubscription } from '../subscriptions/company-subscription';
import { connectionsStats } from './connections-stats';
import { activePlans, planAgainstReality } from './quota-usage';
import { shortCache } from './short-cache';
import { sharedResult } from '../cache/shared-result';

async function documentCounts(companyId: number) {
  const [row] = await sequelize.query<{ p: number; o: number; i: number }>(
    `SELECT (SELECT COUNT(*) FROM proformas WHERE company_id = :companyId) AS p,
            (SELECT COUNT(*) FROM purchase_orders WHERE company_id = :companyId) AS o,
            (SELECT COUNT(*) FROM invoices WHERE company_id = :companyId) AS i`,
    { replacements: { companyId }, type: QueryTypes.SELECT },
  );
  return {
    proformas: Number(row?.p ?? 0),
    purchaseOrders: Number(row?.o ?? 0),
    invoices: Number(row?.i ?? 0),
    link: billingLinks.clientDocuments(),
  };
}

async function renewQuoteId(subscriptionId: number | null, companyId: number): Promise<number | null> {
  const subscription = subscriptionId === null ? null : await Subscription.findByPk(subscriptionId, { attributes: ['quoteRequestId'] });
  return subscription?.quoteRequestId ?? lastQuoteOf(companyId);
}

/**
 * Everything the super-client dashboard shows, from the local cache only (Redis aggregates rebuilt
 * from MySQL when missing) and the platform's own tables: never a request to GLPI. Each GLPI card
 * carries the time of the last successful sync of the item types it draws on.
 */
export async function portalDashboard(companyId: number, now = new Date()) {
  const [figures, freshness, subscription, plans, documents, connections] = await Promise.all([
    readDashboard(companyId),
    syncFreshness(companyId),
    companySubscription(companyId, now),
    activePlans([companyId], now),
    documentCounts(companyId),
    connectionsStats(companyId, now),
  ]);
  const computers = figures.assets.byType.find((row) => row.itemtype === 'Computer')?.count ?? 0;
  const assetTypes = Object.keys(freshness.byItemtype).filter((itemtype) => itemtype !== 'Ticket' && itemtype !== 'ITILFollowup');
  const oldestOf = (types: string[]) => {
    const dates = types.map((type) => freshness.byItemtype[type] ?? null);
    if (dates.length === 0 || dates.some((date) => date === null)) return null;
    return new Date(Math.min(...dates.map((date) => (date as Date).getTime())));
  };
  const quoteId = await renewQuoteId(subscription?.id ?? null, companyId);
  return {
    subscription: subscription && { ...subscription, renewUrl: quoteId === null ? '/quote' : billingLinks.newQuoteFrom(quoteId) },
    plan: planAgainstReality(plans.get(companyId) ?? [], { ticketsThisMonth: figures.tickets.openedThisMonth, computers }),
    documents,
    connections,
    park: { assets: figures.assets, computers: figures.computers, warranties: figures.warranties, licences: figures.licences },
    support: figures.tickets,
    computedAt: figures.computedAt,
    syncedAt: {
      park: oldestOf(assetTypes),
      computers: freshness.byItemtype.Computer ?? null,
      tickets: freshness.byItemtype.Ticket ?? null,
      oldest: freshness.oldest,
    },
  };
}

/** What the dashboard procedure serves: the same figures, at most 10 s old, computed once per burst. */
const recentDashboards = shortCache(10_000, async (companyId: number) => sharedResult(await portalDashboard(companyId)));
export const cachedPortalDashboard = (companyId: number) => recentDashboards.get(companyId);
