import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { lastAlgiersMonths } from '../../server/calendar/algiers-calendar';
import { dashboardOverview } from '../../server/admin/dashboard/dashboard-figures';
import { Service, Subscription, type Company } from '../../server/db/models';
import { makeInvoice, makeProforma, makeQuote } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, loggedIn } from '../support/fixtures';

beforeAll(seedCatalog);
afterAll(closeTestResources);

const day = 24 * 3600_000;

/**
 * Other test files share this database, so the figures are compared as differences: a baseline
 * is taken, a known dataset is added, and the dashboard must move by exactly what it holds.
 */
describe('admin dashboard figures', () => {
  it('clients, active subscriptions, MRR, monthly billing and the quote funnel equal the known dataset', async () => {
    const now = new Date(Date.now() + 60_000); // after every row this test writes
    const { months } = lastAlgiersMonths(12, now);
    const [previousMonth, currentMonth] = months.slice(-2) as [string, string];
    const before = await dashboardOverview(now);

    const service = await Service.findOne({ where: { code: 'full' }, rejectOnEmpty: true });
    const commercial = await createUser('commercial');
    const a = await createCompany();
    const b = await createCompany();
    const noClientUser = await createCompany();
    const renewing = await createCompany();
    const clientA = await createUser('client', a.id);
    await createUser('client', b.id);
    const subscribe = (company: Company, monthlyPriceDa: number, startOffsetDays: number, endOffsetDays: number) =>
      Subscription.create({
        companyId: company.id,
        serviceId: service.id,
        tierMaxQty: 20,
        monthlyPriceDa,
        months: 3,
        startAt: new Date(Date.now() + startOffsetDays * day),
        endAt: new Date(Date.now() + endOffsetDays * day),
      });
    const endingA = await subscribe(a, 100_000, -10, 20); // active, ends within 30 days
    await subscribe(b, 50_000, -10, 200); // active
    await subscribe(b, 70_000, -400, -35); // expired
    await subscribe(noClientUser, 30_000, 5, 100); // not started
    const renewed = await subscribe(renewing, 20_000, -60, 10); // active, ends soon, but renewed:
    await Subscription.create({
      companyId: renewing.id,
      serviceId: service.id,
      tierMaxQty: 20,
      monthlyPriceDa: 20_000,
      months: 3,
      startAt: renewed.endAt,
      endAt: new Date(renewed.endAt.getTime() + 90 * day),
    });

    // The funnel: five requests, four with a pro-forma, three accepted, two invoiced.
    await makeQuote(a, clientA, service.id);
    await makeProforma(await makeQuote(a, clientA, service.id, 'proforma_sent'), commercial, 'pending');
    const q3 = await makeQuote(a, clientA, service.id, 'accepted');
    await makeProforma(q3, commercial, 'refused');
    await makeProforma(q3, commercial, 'accepted');
    const p4 = await makeProforma(await makeQuote(a, clientA, service.id, 'accepted'), commercial, 'accepted');
    const p5 = await makeProforma(await makeQuote(a, clientA, service.id, 'accepted'), commercial, 'accepted');
    const paidNow = new Date(Date.now() - 1_000);
    const i4 = await makeInvoice(p4, a, { exclTaxCents: 1_234_567, paidAt: paidNow });
    const i5 = await makeInvoice(p5, a, {
      exclTaxCents: 2_000_001,
      issuedAt: new Date(`${previousMonth}-15T12:00:00+01:00`),
      paidAt: paidNow,
    });

    const after = await dashboardOverview(now);
    expect(after.clients - before.clients).toBe(2);
    expect(after.activeSubscriptions - before.activeSubscriptions).toBe(3);
    expect(after.subscribedCompanies - before.subscribedCompanies).toBe(3);
    expect(after.monthlyRecurringRevenueDa - before.monthlyRecurringRevenueDa).toBe(100_000 + 50_000 + 20_000);

    const month = (o: typeof before, m: string) => o.months.find((x) => x.month === m)!;
    expect(after.months.map((m) => m.month)).toEqual(months);
    expect(month(after, currentMonth).invoicedCents - month(before, currentMonth).invoicedCents).toBe(i4.totalInclTaxCents);
    expect(month(after, currentMonth).paidCents - month(before, currentMonth).paidCents).toBe(i4.totalInclTaxCents + i5.totalInclTaxCents);
    expect(month(after, previousMonth).invoicedCents - month(before, previousMonth).invoicedCents).toBe(i5.totalInclTaxCents);
    expect(month(after, previousMonth).paidCents - month(before, previousMonth).paidCents).toBe(0);

    const counts = (o: typeof before) => Object.fromEntries(o.funnel.steps.map((s) => [s.step, s.count]));
    const [b0, a0] = [counts(before), counts(after)];
    expect({
      requests: a0.requests! - b0.requests!,
      proformas: a0.proformas! - b0.proformas!,
      accepted: a0.accepted! - b0.accepted!,
      invoiced: a0.invoiced! - b0.invoiced!,
    }).toEqual({
      requests: 5,
      proformas: 4,
      accepted: 3,
      invoiced: 2,
    });
    const rate = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
    expect(after.funnel.steps.map((s) => s.rateFromPrevious)).toEqual([
      null,
      rate(a0.proformas!, a0.requests!),
      rate(a0.accepted!, a0.proformas!),
      rate(a0.invoiced!, a0.accepted!),
    ]);
    expect(after.funnel.overallRate).toBe(rate(a0.invoiced!, a0.requests!));

    const ending = after.endingSoon.map((s) => s.id);
    expect(ending).toContain(endingA.id);
    expect(ending).not.toContain(renewed.id);
  });

  it('is served to admins through the procedure', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const overview = await admin.run((api) => api.admin.dashboard.overview());
    expect(overview.months).toHaveLength(12);
    expect(overview.funnel.steps.map((s) => s.step)).toEqual(['requests', 'proformas', 'accepted', 'invoiced']);
  });
});
