import { describe, expect, it } from 'vitest';
import { findTier, pricingQuantity } from './tier-pricing';

const tiers = [
  { minQty: 0, maxQty: 10, monthlyPriceDa: 80_000 },
  { minQty: 11, maxQty: 20, monthlyPriceDa: 120_000 },
];

describe('tier pricing', () => {
  it('prices each service by its own quantity, the full pack by the larger', () => {
    expect(pricingQuantity('tickets_per_month', { ticketsPerMonth: 12, pcsCount: 40 })).toBe(12);
    expect(pricingQuantity('pcs', { ticketsPerMonth: 12, pcsCount: 40 })).toBe(40);
    expect(pricingQuantity('max', { ticketsPerMonth: 12, pcsCount: 40 })).toBe(40);
    expect(pricingQuantity('max', { ticketsPerMonth: 25, pcsCount: null })).toBe(25);
  });

  it('finds the tier by inclusive bounds and gives none above the top', () => {
    expect(findTier(tiers, 0)?.monthlyPriceDa).toBe(80_000);
    expect(findTier(tiers, 10)?.monthlyPriceDa).toBe(80_000);
    expect(findTier(tiers, 11)?.monthlyPriceDa).toBe(120_000);
    expect(findTier(tiers, 21)).toBeNull();
  });
});
