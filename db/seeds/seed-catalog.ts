import { catalogSeed } from '../../server/catalog/catalog-data';
import { PaymentMethod, PriceTier, Service } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { paymentNamesAr, paymentNamesEn, serviceNamesAr, serviceScopeAr, serviceScopeEn } from './catalog-texts';

// The full pack has no scope of its own in catalog.json: it is both services'.
const scopeFrOf = (code: string): string[] =>
  code === 'full'
    ? catalogSeed.services.flatMap((s) => ('scope_fr' in s && s.scope_fr) || [])
    : ((catalogSeed.services.find((s) => s.code === code) as { scope_fr?: string[] } | undefined)?.scope_fr ?? []);
/** Inserts the services, tiers and payment methods that are missing; never overwrites edits. */
export async function seedCatalog(): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    for (const [position, s] of catalogSeed.services.entries()) {
      if (await Service.findOne({ where: { code: s.code }, transaction })) continue;
      const service = await Service.create(
        {
          code: s.code,
          nameFr: s.name_fr,
          nameEn: s.name_en,
          nameAr: serviceNamesAr[s.code] ?? null,
          pricedBy: s.priced_by === 'pcs' ? 'pcs' : s.priced_by === 'tickets_per_month' ? 'tickets_per_month' : 'max',
          scopeFr: scopeFrOf(s.code),
          scopeEn: serviceScopeEn[s.code] ?? [],
          scopeAr: serviceScopeAr[s.code] ?? null,
          position,
        },
        { transaction },
      );
      await PriceTier.bulkCreate(
        s.tiers.map((t) => ({ serviceId: service.id, minQty: t.min, maxQty: t.max, monthlyPriceDa: t.monthly_price })),
        { transaction },
      );
    }
    for (const [position, m] of catalogSeed.payment_methods.entries()) {
      await PaymentMethod.findOrCreate({
        where: { code: m.code },
        defaults: {
          code: m.code,
          nameFr: m.name_fr,
          nameEn: paymentNamesEn[m.code] ?? m.name_fr,
          nameAr: paymentNamesAr[m.code] ?? null,
          position,
        },
        transaction,
      });
    }
  });
}
