import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { PriceTier, Proforma } from '../../server/db/models';
import { dedicatedService, makeQuote, refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createUser, loggedIn } from '../support/fixtures';

beforeAll(seedCatalog);
afterAll(closeTestResources);

describe('catalog administration', () => {
  it('a tier price change applies to new pro-formas only: an issued one keeps its lines and totals', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const commercialUser = await createUser('commercial');
    const commercial = await loggedIn(commercialUser);
    // A service of this test's own, so that no other test file sees its prices move.
    const { service, tiers } = await dedicatedService([
      { minQty: 1, maxQty: 20, monthlyPriceDa: 40_000 },
      { minQty: 21, maxQty: 50, monthlyPriceDa: 90_000 },
    ]);
    const client = await clientOfNewCompany();
    const quote = await makeQuote(client.company, client.user, service.id, 'contacted');

    // Issued through the billing module itself (the pro-forma copies the catalog price at issue time).
    const draft = await commercial.run((api) => api.proformas.draft({ quoteRequestId: quote.id }));
    expect(draft.lines[0]!.unitPriceDa).toBe(40_000);
    const issued = await commercial.run((api) =>
      api.proformas.issue({ quoteRequestId: quote.id, lines: draft.lines.map((l) => ({ ...l, unitPriceDa: l.unitPriceDa! })) }),
    );
    const before = (await Proforma.findByPk(issued.id))!.toJSON();
    expect(before.totalExclTaxCents).toBe(12 * 40_000 * 100);

    await admin.run((api) => api.admin.catalog.updateTier({ id: tiers[0]!.id, minQty: 1, maxQty: 20, monthlyPriceDa: 55_000 }));
    expect((await PriceTier.findByPk(tiers[0]!.id))?.monthlyPriceDa).toBe(55_000);

    const after = (await Proforma.findByPk(issued.id))!.toJSON();
    expect({
      lines: after.lines,
      totalExclTaxCents: after.totalExclTaxCents,
      vatCents: after.vatCents,
      totalInclTaxCents: after.totalInclTaxCents,
    }).toEqual({
      lines: before.lines,
      totalExclTaxCents: before.totalExclTaxCents,
      vatCents: before.vatCents,
      totalInclTaxCents: before.totalInclTaxCents,
    });
    const nextQuote = await makeQuote(client.company, client.user, service.id, 'contacted');
    expect((await commercial.run((api) => api.proformas.draft({ quoteRequestId: nextQuote.id }))).lines[0]!.unitPriceDa).toBe(55_000);
  });

  it('refuses overlapping or inverted tiers and records every change in the audit log', async () => {
    const adminUser = await createUser('admin');
    const admin = await loggedIn(adminUser);
    const { service, tiers } = await dedicatedService([
      { minQty: 1, maxQty: 10, monthlyPriceDa: 10_000 },
      { minQty: 11, maxQty: 20, monthlyPriceDa: 20_000 },
    ]);
    expect(
      await refusal(
        admin.run((api) => api.admin.catalog.createTier({ serviceId: service.id, minQty: 20, maxQty: 30, monthlyPriceDa: 30_000 })),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'errors.admin.tierOverlap',
    });
    expect(
      await refusal(admin.run((api) => api.admin.catalog.updateTier({ id: tiers[0]!.id, minQty: 1, maxQty: 11, monthlyPriceDa: 10_000 }))),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      await refusal(
        admin.run((api) => api.admin.catalog.createTier({ serviceId: service.id, minQty: 40, maxQty: 30, monthlyPriceDa: 30_000 })),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    // A tier may keep its own range when edited (it does not overlap itself).
    await admin.run((api) => api.admin.catalog.updateTier({ id: tiers[1]!.id, minQty: 11, maxQty: 25, monthlyPriceDa: 21_000 }));
    const { id: added } = await admin.run((api) =>
      api.admin.catalog.createTier({ serviceId: service.id, minQty: 26, maxQty: 40, monthlyPriceDa: 30_000 }),
    );
    await admin.run((api) => api.admin.catalog.deleteTier({ id: added }));
    await admin.run((api) =>
      api.admin.catalog.updateService({
        id: service.id,
        nameFr: 'Service renommé',
        nameEn: 'Renamed service',
        scopeFr: ['A', 'B'],
        scopeEn: ['A', 'B'],
        active: false,
      }),
    );

    const listed = (await admin.run((api) => api.admin.catalog.services())).find((s) => s.id === service.id);
    expect(listed).toMatchObject({ nameFr: 'Service renommé', active: false, scopeFr: ['A', 'B'] });
    expect(listed?.tiers.map((t) => [t.minQty, t.maxQty, t.monthlyPriceDa])).toEqual([
      [1, 10, 10_000],
      [11, 25, 21_000],
    ]);
    const audit = await admin.run((api) => api.admin.audit.search({ actorUserId: adminUser.id }));
    expect(audit.entries.map((e) => e.action).sort()).toEqual([
      'catalog.service_update',
      'catalog.tier_create',
      'catalog.tier_delete',
      'catalog.tier_update',
    ]);
  });
});
