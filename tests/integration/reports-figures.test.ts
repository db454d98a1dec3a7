import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiOutboxEntry, PriceTier, Service } from '../../server/db/models';
import { computeReportFigures } from '../../server/reports/report-figures';
import { sequelize } from '../../server/db/sequelize';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { insertAsset, insertTicket, insertTicketItem, subscribe } from './portal-support';

/**
 * The monthly report's figures against a seeded cache. Every expected value is computed here, in
 * plain JavaScript over the list of rows the test wrote (the oracle), never by the SQL under test.
 * Report month: November 2026 (Algiers, UTC+1): from 2026-10-31T23:00Z to 2026-11-30T23:00Z.
 */
beforeAll(seedCatalog);
afterAll(closeTestResources);

const H = 3600_000;
const monthStart = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) - H);
/** `YYYY-MM`, `delta` months from `m`. */
const addMonths = (m: string, delta: number) =>
  new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + delta, 15)).toISOString().slice(0, 7);
const report = { month: '2026-11', start: monthStart('2026-11'), end: monthStart('2026-12') };
const now = new Date('2026-12-01T05:00:00Z');

/** A small deterministic generator (mulberry32): the same rows on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TicketSpec = {
  openedAt: Date;
  takenAt: Date | null;
  solvedAt: Date | null;
  closedAt: Date | null;
  timeToOwn: Date | null;
  timeToResolve: Date | null;
  category: string | null;
  deletedAt: Date | null;
};

function ticketsOfMonth(month: string, count: number, random: () => number, categories: Array<string | null>): TicketSpec[] {
  const start = monthStart(month).getTime();
  const length = monthStart(addMonths(month, 1)).getTime() - start;
  return Array.from({ length: count }, (_, i) => {
    // Tickets right at the month's edges too: the first second, and the last.
    const opened = new Date(i === 0 ? start : i === 1 ? start + length - 1000 : start + Math.floor((random() * length) / 1000) * 1000);
    const taken = random() < 0.85 ? new Date(opened.getTime() + Math.floor((random() * 20 * H) / 1000) * 1000) : null;
    const solved = taken && random() < 0.75 ? new Date(taken.getTime() + Math.floor((random() * 200 * H) / 1000) * 1000) : null;
    const closed =
      !solved && random() < 0.1
        ? new Date(opened.getTime() + 30 * H)
        : solved && random() < 0.5
          ? new Date(solved.getTime() + 48 * H)
          : null;
    return {
      openedAt: opened,
      takenAt: taken,
      solvedAt: solved,
      closedAt: closed,
      timeToOwn: random() < 0.8 ? new Date(opened.getTime() + 8 * H) : null,
      timeToResolve: random() < 0.8 ? new Date(opened.getTime() + 72 * H) : null,
      category: categories[i % categories.length] ?? null,
      deletedAt: random() < 0.05 ? new Date(opened.getTime() + H) : null,
    };
  });
}

const inMonth = (d: Date | null, m: { start: Date; end: Date } = report) => d !== null && d >= m.start && d < m.end;
const resolvedAt = (t: TicketSpec) => t.solvedAt ?? t.closedAt;
const meanHours = (seconds: number[]) => (seconds.length === 0 ? null : seconds.reduce((a, b) => a + b, 0) / seconds.length / 3600);

describe('monthly report figures', () => {
  it('match the oracle computed from the seeded cache', async () => {
    const company = await createCompany({ name: `Rapport Oracle ${process.pid}` });
    const user = await createUser('client', company.id);
    const other = await createCompany();
    // Full pack, tier 10, from mid-August to mid-February: September, October and November all paid for.
    await subscribe(company.id, 'full', 10, { start: new Date('2026-08-15T10:00:00Z'), end: new Date('2027-02-15T10:00:00Z') });
    const target = { companyId: company.id, entityId: 950_000 + (process.pid % 10_000) };
    const random = prng(18);

    // Thirteen months of tickets, November's with categories of distinct frequencies.
    const novemberCategories = [
      'Réseau',
      'Réseau',
      'Imprimantes',
      'Réseau',
      'Messagerie',
      null,
      'Imprimantes',
      'Réseau',
      'Postes',
      'Réseau',
      'Messagerie',
      'Imprimantes',
      'Réseau',
      null,
      'Messagerie',
      'Imprimantes',
      'Réseau',
      'Logiciels',
      'Postes',
      'Messagerie',
      'Imprimantes',
      null,
      'Réseau',
      'Messagerie',
      'Imprimantes',
    ];
    const specs: TicketSpec[] = [];
    for (let k = 12; k >= 0; k -= 1) {
      const month = addMonths('2026-11', -k);
      const count = month === '2026-11' ? 27 : month === '2026-10' ? 16 : month === '2026-09' ? 13 : 4 + Math.floor(random() * 8);
      specs.push(...ticketsOfMonth(month, count, random, month === '2026-11' ? novemberCategories : ['Autre']));
    }
    // Tickets GLPI links to assets (below): part of the month's tickets like any other.
    const day = (month: number, d: number) => new Date(Date.UTC(2026, month - 1, d, 9));
    const aboutAssets = [
      { key: 'p1', at: day(11, 4) },
      { key: 'p2', at: day(11, 9) },
      { key: 'p3', at: day(11, 21) },
      { key: 'removed', at: day(11, 22) },
      { key: 'trashed', at: day(11, 23), deletedAt: day(11, 25) },
      { key: 'pc', at: day(11, 12) },
      { key: 'october', at: day(10, 20) },
      { key: 'foreign', at: day(11, 14) },
    ].map((t) => ({
      key: t.key,
      spec: {
        openedAt: t.at,
        takenAt: null,
        solvedAt: null,
        closedAt: null,
        timeToOwn: null,
        timeToResolve: null,
        category: 'Imprimantes',
        deletedAt: t.deletedAt ?? null,
      },
    }));
    specs.push(...aboutAssets.map((t) => t.spec));
    const ticketRows = new Map<TicketSpec, Awaited<ReturnType<typeof insertTicket>>>();
    for (const spec of specs) ticketRows.set(spec, await insertTicket(target, spec));
    const ticketAbout = (key: string) => ticketRows.get(aboutAssets.find((t) => t.key === key)!.spec)!;
    // Another company's November tickets never count.
    for (const spec of ticketsOfMonth('2026-11', 5, random, ['Réseau']))
      await insertTicket({ companyId: other.id, entityId: target.entityId + 1 }, spec);

    // The park: hardware added and retired in November, and what must not count as such.
    const nov = (day: number) => new Date(Date.UTC(2026, 10, day, 9));
    const assets = [
      { itemtype: 'Computer', glpiCreatedAt: nov(3), deletedAt: null, isTemplate: false },
      { itemtype: 'Computer', glpiCreatedAt: nov(20), deletedAt: null, isTemplate: false },
      { itemtype: 'Computer', glpiCreatedAt: new Date('2026-10-31T23:00:00Z'), deletedAt: null, isTemplate: false },
      { itemtype: 'Computer', glpiCreatedAt: new Date('2026-10-31T22:59:59Z'), deletedAt: null, isTemplate: false },
      { itemtype: 'Computer', glpiCreatedAt: nov(5), deletedAt: null, isTemplate: true },
      { itemtype: 'Monitor', glpiCreatedAt: nov(8), deletedAt: null, isTemplate: false },
      { itemtype: 'Software', glpiCreatedAt: nov(8), deletedAt: null, isTemplate: false },
      { itemtype: 'Printer', glpiCreatedAt: new Date('2025-01-10T10:00:00Z'), deletedAt: nov(15), isTemplate: false },
      { itemtype: 'Computer', glpiCreatedAt: new Date('2025-01-10T10:00:00Z'), deletedAt: nov(29), isTemplate: false },
      {
        itemtype: 'Computer',
        glpiCreatedAt: new Date('2025-01-10T10:00:00Z'),
        deletedAt: new Date('2026-12-01T01:00:00Z'),
        isTemplate: false,
      },
      { itemtype: 'Computer', glpiCreatedAt: null, deletedAt: null, isTemplate: false },
    ];
    // Warranties and licences around the 90-day window that starts on 1 December.
    const warrantyEnds = ['2026-11-30', '2026-12-01', '2027-01-15', '2027-03-01', '2027-03-02'];
    const licenceEnds = ['2026-11-30', '2026-12-24', '2027-03-01', '2027-06-01'];
    const inserted = [];
    for (const a of assets) inserted.push(await insertAsset(target, a));
    for (const day of warrantyEnds)
      inserted.push(
        await insertAsset(target, {
          itemtype: 'Computer',
          warrantyEnd: day,
          name: `W-${day}`,
          glpiCreatedAt: new Date('2024-01-01T00:00:00Z'),
        }),
      );
    await insertAsset(target, {
      itemtype: 'Computer',
      warrantyEnd: '2027-01-10',
      deletedAt: new Date('2026-06-01T00:00:00Z'),
      glpiCreatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    for (const day of licenceEnds) await insertAsset(target, { itemtype: 'SoftwareLicense', licenceExpiresOn: day, name: `L-${day}` });

    // Tickets linked to assets in GLPI (Item_Ticket, synced): November's live tickets count per asset, once
    // each; a removed link, a trashed ticket, October's ticket and another company's asset do not.
    const printer = await insertAsset(target, {
      itemtype: 'Printer',
      name: 'IMP-ACCUEIL',
      glpiCreatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    const pc = inserted[0]!;
    const foreign = await insertAsset({ companyId: other.id, entityId: target.entityId + 1 }, { itemtype: 'Printer', name: 'IMP-AUTRE' });
    for (const key of ['p1', 'p2', 'p3', 'trashed']) await insertTicketItem(ticketAbout(key), printer);
    await insertTicketItem(ticketAbout('removed'), printer, { deletedAt: nov(24) });
    for (const key of ['pc', 'october', 'p2']) await insertTicketItem(ticketAbout(key), pc);
    await insertTicketItem(ticketAbout('foreign'), foreign);
    // A portal ticket naming an asset that GLPI never linked (refused delivery): not a link, not counted.
    await GlpiOutboxEntry.create({
      companyId: company.id,
      userId: user.id,
      kind: 'ticket',
      idempotencyKey: randomUUID(),
      glpiTicketId: null,
      localTicketRef: null,
      payload: { title: 'Panne', content: 'Bonjour', urgency: 3, type: 'incident', asset: { itemtype: 'Printer', glpiId: printer.glpiId } },
      state: 'failed',
      createdAt: nov(5),
    });

    // Satisfaction answers: those answered in November count, whenever the survey was sent.
    const surveys = [
      { companyId: company.id, rating: 5, answeredAt: nov(2) },
      { companyId: company.id, rating: 4, answeredAt: nov(9) },
      { companyId: company.id, rating: 4, answeredAt: nov(30) },
      { companyId: company.id, rating: 1, answeredAt: nov(18) },
      { companyId: company.id, rating: 3, answeredAt: new Date('2026-10-31T22:59:59Z') },
      { companyId: company.id, rating: 2, answeredAt: new Date('2026-11-30T23:00:00Z') },
      { companyId: company.id, rating: null, answeredAt: null },
      { companyId: other.id, rating: 5, answeredAt: nov(10) },
    ];
    for (const [k, survey] of surveys.entries()) {
      await sequelize.query(
        'INSERT INTO ticket_surveys (company_id, glpi_ticket_id, expires_at, rating, answered_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        {
          replacements: [survey.companyId, 800_000 + k, new Date('2027-01-01T00:00:00Z'), survey.rating, survey.answeredAt, nov(1), nov(1)],
        },
      );
    }

    const figures = await computeReportFigures(company.id, report.month, now);
    const rated = surveys.filter((s) => s.companyId === company.id && s.rating !== null && inMonth(s.answeredAt)).map((s) => s.rating!);
    expect(figures.satisfaction).toEqual({
      answered: rated.length,
      averageRating: rated.reduce((a, b) => a + b, 0) / rated.length,
      byRating: [1, 2, 3, 4, 5].map((stars) => rated.filter((r) => r === stars).length),
    });
    expect(rated).toEqual([5, 4, 4, 1]);

    // ---- the oracle ----
    const live = specs.filter((t) => t.deletedAt === null);
    const opened = live.filter((t) => inMonth(t.openedAt));
    const resolved = live.filter((t) => inMonth(resolvedAt(t)));
    const trendMonths = Array.from({ length: 12 }, (_, i) => addMonths('2026-11', i - 11));
    const rangeOf = (m: string) => ({ start: monthStart(m), end: monthStart(addMonths(m, 1)) });
    const own = {
      measured: opened.filter((t) => t.takenAt).length,
      mean: meanHours(opened.filter((t) => t.takenAt).map((t) => (t.takenAt!.getTime() - t.openedAt.getTime()) / 1000)),
      withTarget: opened.filter((t) => t.timeToOwn).length,
      met: opened.filter((t) => t.timeToOwn && t.takenAt && t.takenAt <= t.timeToOwn).length,
      missed: opened.filter((t) => t.timeToOwn && (t.takenAt ? t.takenAt > t.timeToOwn : t.timeToOwn < now)).length,
    };
    const resolve = {
      measured: resolved.length,
      mean: meanHours(resolved.map((t) => (resolvedAt(t)!.getTime() - t.openedAt.getTime()) / 1000)),
      withTarget: resolved.filter((t) => t.timeToResolve).length,
      met: resolved.filter((t) => t.timeToResolve && resolvedAt(t)! <= t.timeToResolve).length,
      missed: resolved.filter((t) => t.timeToResolve && resolvedAt(t)! > t.timeToResolve).length,
    };
    const categoryCounts = new Map<string | null, number>();
    for (const t of opened) categoryCounts.set(t.category, (categoryCounts.get(t.category) ?? 0) + 1);
    // Most first; ties by name, no category first (as SQL sorts NULL).
    const byName = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a.localeCompare(b, 'fr'));
    const topCategories = [...categoryCounts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || byName(a.name, b.name))
      .slice(0, 5);

    expect(opened.length).toBeGreaterThan(20); // the precondition: a month with something to count
    expect(figures.tickets.opened).toBe(opened.length);
    expect(figures.tickets.solved).toBe(resolved.length);
    expect(figures.tickets.openAtMonthEnd).toBe(
      live.filter((t) => t.openedAt < report.end && (resolvedAt(t) === null || resolvedAt(t)! >= report.end)).length,
    );
    expect(figures.tickets.perMonth).toEqual(
      trendMonths.map((m) => ({
        month: m,
        opened: live.filter((t) => inMonth(t.openedAt, rangeOf(m))).length,
        solved: live.filter((t) => inMonth(resolvedAt(t), rangeOf(m))).length,
      })),
    );
    expect(figures.timeToOwn).toMatchObject({ measured: own.measured, withTarget: own.withTarget, met: own.met, missed: own.missed });
    expect(figures.timeToOwn.meanHours).toBeCloseTo(own.mean!, 1);
    expect(figures.timeToResolve).toMatchObject({
      measured: resolve.measured,
      withTarget: resolve.withTarget,
      met: resolve.met,
      missed: resolve.missed,
    });
    expect(figures.timeToResolve.meanHours).toBeCloseTo(resolve.mean!, 1);
    expect(own.missed + resolve.missed).toBeGreaterThan(0);
    expect(figures.topCategories.map((c) => c.count)).toEqual(topCategories.map((c) => c.count));
    expect(figures.topCategories).toEqual(topCategories);

    const hardware = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone'];
    const byType = (rows: Array<{ itemtype: string }>) =>
      Object.entries(rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.itemtype]: (acc[r.itemtype] ?? 0) + 1 }), {}))
        .map(([itemtype, count]) => ({ itemtype, count }))
        .sort((a, b) => a.itemtype.localeCompare(b.itemtype));
    expect(figures.park.added).toEqual(
      byType(assets.filter((a) => !a.isTemplate && hardware.includes(a.itemtype) && inMonth(a.glpiCreatedAt))),
    );
    expect(figures.park.retired).toEqual(
      byType(assets.filter((a) => !a.isTemplate && hardware.includes(a.itemtype) && inMonth(a.deletedAt))),
    );
    expect(figures.park.added).toEqual([
      { itemtype: 'Computer', count: 3 },
      { itemtype: 'Monitor', count: 1 },
    ]);

    const due = (days: string[]) => days.filter((d) => d >= '2026-12-01' && d <= '2027-03-01');
    expect(figures.warranties.count).toBe(due(warrantyEnds).length);
    expect(figures.warranties.items.map((i) => i.date)).toEqual(due(warrantyEnds));
    expect(figures.licences.count).toBe(due(licenceEnds).length);
    expect(figures.licences.items.map((i) => i.name)).toEqual(due(licenceEnds).map((d) => `L-${d}`));

    // p1, p2, p3 for the printer; pc and p2 (about both) for the PC.
    expect(figures.topAssets).toEqual([
      { itemtype: 'Printer', name: 'IMP-ACCUEIL', count: 3 },
      { itemtype: 'Computer', name: pc.name, count: 2 },
    ]);

    // The plan: tickets against the tier of 10 in each of the three months; computers at each month's end.
    const planMonths = ['2026-09', '2026-10', '2026-11'];
    const ticketsUsed = planMonths.map((m) => live.filter((t) => inMonth(t.openedAt, rangeOf(m))).length);
    const computerRows = [
      ...assets,
      ...warrantyEnds.map(() => ({
        itemtype: 'Computer',
        glpiCreatedAt: new Date('2024-01-01T00:00:00Z'),
        deletedAt: null,
        isTemplate: false,
      })),
    ].filter((a) => a.itemtype === 'Computer' && !a.isTemplate);
    const computersUsed = planMonths.map(
      (m) =>
        computerRows.filter(
          (a) => (a.glpiCreatedAt === null || a.glpiCreatedAt < rangeOf(m).end) && (a.deletedAt === null || a.deletedAt >= rangeOf(m).end),
        ).length,
    );
    expect(figures.plan.lines).toEqual([
      {
        kind: 'tickets',
        months: planMonths.map((month, i) => ({ month, used: ticketsUsed[i], allowed: 10 })),
        exceededEveryMonth: ticketsUsed.every((u) => u > 10),
      },
      {
        kind: 'computers',
        months: planMonths.map((month, i) => ({ month, used: computersUsed[i], allowed: 10 })),
        exceededEveryMonth: computersUsed.every((u) => u > 10),
      },
    ]);
    expect(ticketsUsed.every((u) => u > 10)).toBe(true);
    const needed = Math.max(...ticketsUsed, ...computersUsed);
    const full = await Service.findOne({ where: { code: 'full' }, rejectOnEmpty: true });
    const tiers = await PriceTier.findAll({ where: { serviceId: full.id } });
    const tier = tiers.find((t) => needed >= t.minQty && needed <= t.maxQty) ?? null;
    expect(figures.plan.recommendations).toEqual([
      {
        serviceCode: 'full',
        currentTierMax: 10,
        neededQty: needed,
        tier: tier ? { maxQty: tier.maxQty, monthlyPriceDa: tier.monthlyPriceDa } : null,
      },
    ]);
  });

  it('recommends nothing when the tier was exceeded in only two of the three months', async () => {
    const company = await createCompany();
    await subscribe(company.id, 'support', 10, { start: new Date('2026-09-01T00:00:00Z'), end: new Date('2027-03-01T00:00:00Z') });
    const target = { companyId: company.id, entityId: 960_000 + (process.pid % 10_000) };
    const counts = { '2026-09': 9, '2026-10': 14, '2026-11': 12 } as const;
    for (const [month, count] of Object.entries(counts)) {
      for (let i = 0; i < count; i += 1) await insertTicket(target, { openedAt: new Date(monthStart(month).getTime() + (i + 1) * 3 * H) });
    }
    const figures = await computeReportFigures(company.id, '2026-11', now);
    // September began on the 1st in UTC but at 01:00 in Algiers: the subscription covered part of it.
    expect(figures.plan.lines).toEqual([
      { kind: 'tickets', months: Object.entries(counts).map(([month, used]) => ({ month, used, allowed: 10 })), exceededEveryMonth: false },
    ]);
    expect(figures.plan.recommendations).toEqual([]);
  });
});
