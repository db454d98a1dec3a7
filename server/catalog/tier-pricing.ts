import { PriceTier, Service } from '../db/models';

export type PricedBy = Service['pricedBy'];
export type Quantities = { ticketsPerMonth?: number | null; pcsCount?: number | null };
export type TierRow = { minQty: number; maxQty: number; monthlyPriceDa: number };

/** The quantity a service is priced by: tickets, PCs, or the larger of both for the full pack. */
export function pricingQuantity(pricedBy: PricedBy, q: Quantities): number {
  const tickets = q.ticketsPerMonth ?? 0;
  const pcs = q.pcsCount ?? 0;
  if (pricedBy === 'tickets_per_month') return tickets;
  if (pricedBy === 'pcs') return pcs;
  return Math.max(tickets, pcs);
}

/** The tier containing the quantity, or null above the top tier (the price is negotiated). */
export function findTier<T extends TierRow>(tiers: readonly T[], quantity: number): T | null {
  return tiers.find((t) => quantity >= t.minQty && quantity <= t.maxQty) ?? null;
}

/** Loads a service and its tiers (ordered) by code. */
async function loadServiceWithTiers(code: string) {
  return Service.findOne({
    where: { code, active: true },
    include: [{ model: PriceTier, as: 'tiers' }],
    order: [[{ model: PriceTier, as: 'tiers' }, 'minQty', 'ASC']],
  });
}

/** Monthly price from the current catalog for the given quantities, or null when above the top tier. */
export async function estimateMonthlyPrice(
  serviceCode: string,
  q: Quantities,
): Promise<{ monthlyPriceDa: number | null; tierMaxQty: number | null; quantity: number } | null> {
  const service = await loadServiceWithTiers(serviceCode);
  if (!service) return null;
  const quantity = pricingQuantity(service.pricedBy, q);
  const tier = findTier(service.tiers ?? [], quantity);
  return { monthlyPriceDa: tier?.monthlyPriceDa ?? null, tierMaxQty: tier?.maxQty ?? null, quantity };
}
