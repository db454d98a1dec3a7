import { proformaValidityDays, vatRatePercent } from '../../catalog/catalog-data';
import { findTier, pricingQuantity } from '../../catalog/tier-pricing';
import { Company, PriceTier, QuoteRequest, Service } from '../../db/models';
import { notFound } from '../../errors';
import { addDays, algiersDate } from '../../calendar/algiers-calendar';

const quantityWords: Record<Service['pricedBy'], (n: number) => string> = {
  tickets_per_month: (n) => `${n} tickets par mois`,
  pcs: (n) => `${n} postes`,
  max: (n) => `${n} postes ou tickets par mois`,
};

/**
 * What the pro-forma form starts from: one line of the quoted service, for the quoted duration,
 * at the tier's monthly price. Above the top tier there is no catalog price: `unitPriceDa` is null
 * and the commercial must type the negotiated one. Lines are in French: they are printed on the
 * document, which is French.
 */
export async function proformaDraft(quoteRequestId: number) {
  const quote = await QuoteRequest.findByPk(quoteRequestId, {
    include: [
      { model: Company, as: 'company' },
      { model: Service, as: 'service', include: [{ model: PriceTier, as: 'tiers' }] },
    ],
    order: [[{ model: Service, as: 'service' }, { model: PriceTier, as: 'tiers' }, 'minQty', 'ASC']],
  });
  if (!quote) throw notFound();
  const { service, company } = quote as QuoteRequest & { service: Service; company: Company };
  const quantity = pricingQuantity(service.pricedBy, quote);
  const tier = findTier(service.tiers ?? [], quantity);
  const description = tier
    ? `${service.nameFr} — palier ${tier.minQty} à ${tier.maxQty} (${quantityWords[service.pricedBy](quantity)}), abonnement mensuel`
    : `${service.nameFr} — ${quantityWords[service.pricedBy](quantity)}, au-delà du dernier palier (prix négocié), abonnement mensuel`;
  return {
    quote: {
      id: quote.id,
      status: quote.status,
      durationMonths: quote.durationMonths,
      ticketsPerMonth: quote.ticketsPerMonth,
      pcsCount: quote.pcsCount,
      softwareCount: quote.softwareCount,
      estimatedMonthlyPriceDa: quote.estimatedMonthlyPriceDa,
      createdAt: quote.createdAt,
    },
    company: { id: company.id, name: company.name },
    service: { code: service.code, nameFr: service.nameFr, nameEn: service.nameEn },
    quantity,
    aboveTopTier: tier === null,
    lines: [{ description, quantity: quote.durationMonths, unitPriceDa: tier?.monthlyPriceDa ?? null, discountPercent: 0 }],
    vatRatePercent,
    validUntil: addDays(algiersDate(), proformaValidityDays),
  };
}
