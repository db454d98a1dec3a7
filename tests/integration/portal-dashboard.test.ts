import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { LoginEvent } from '../../server/db/models';
import { addDays, algiersDate, algiersMonth, algiersMonthStart, lastAlgiersMonths } from '../../server/calendar/algiers-calendar';
import { portalDashboard } from '../../server/portal/portal-dashboard';
import { redis, redisKey } from '../../server/redis';
import * as names from '../../tools/glpi-sim/sim-names';
import { closeTestResources } from '../support/close-resources';
import { createUser, loggedIn } from '../support/fixtures';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';
import { subscribe } from './portal-support';

// Every dashboard figure, after a real sync from the simulator, against what GLPI holds.
let h: SyncHarness;
let entityId: number;
let companyId: number;
let browser: Awaited<ReturnType<typeof loggedIn>>;
const now = new Date();
const tierMaxQty = 25;
const assetTypes = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense'] as const;

const glpiUtc = (text: unknown) => (typeof text === 'string' && text ? new Date(`${text.replace(' ', 'T')}Z`) : null);
const dropdownName = (list: readonly string[], id: unknown) => (typeof id === 'number' && id > 0 ? (list[id - 1] ?? null) : null);
const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const liveAssets = (itemtype: (typeof assetTypes)[number]) =>
  h.sim.state.rows(itemtype, entityId).filter((row) => row.is_deleted === 0 && row.is_template !== 1);

beforeAll(async () => {
  await seedCatalog();
  h = await startSyncHarness({ sim: { seed: { seed: 21, entities: 1, assets: 160, tickets: 120, followupsPerTicket: 1 } } });
  entityId = h.entityIds[0]!;
  companyId = h.companyOf.get(entityId)!;
  // Tickets opened this month: some from today, so the plan bar has something to show.
  for (let i = 0; i < 3; i += 1) {
    const ticket = h.sim.state.tickets(entityId)[i]!;
    h.sim.state.update('Ticket', Number(ticket.id), {
      date: new Date(now.getTime() - 3600_000).toISOString().slice(0, 19).replace('T', ' '),
    });
  }
  await h.syncAll();
  await subscribe(companyId, 'full', tierMaxQty);
  const user = await createUser('client', companyId);
  const colleague = await createUser('client', companyId);
  browser = await loggedIn(user);
  // Log-ins: loggedIn wrote one for today; three more, two days ago and twelve days ago.
  const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await LoginEvent.bulkCreate([
    { userId: colleague.id, companyId, ip: null, userAgent: null, createdAt: at(2) },
    { userId: colleague.id, companyId, ip: null, userAgent: null, createdAt: at(2) },
    { userId: user.id, companyId, ip: null, userAgent: null, createdAt: at(12) },
  ]);
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

describe('super-client dashboard', () => {
  it('shows the park figures GLPI holds', async () => {
    const dashboard = await browser.run((api) => api.portal.dashboard.get());
    const expectedByType = assetTypes.map((itemtype) => ({ itemtype, count: liveAssets(itemtype).length })).filter((row) => row.count > 0);
    expect([...dashboard.park.assets.byType].sort((a, b) => a.itemtype.localeCompare(b.itemtype))).toEqual(
      [...expectedByType].sort((a, b) => a.itemtype.localeCompare(b.itemtype)),
    );
    expect(dashboard.park.assets.total).toBe(expectedByType.reduce((sum, row) => sum + row.count, 0));

    const expectedStates = assetTypes.flatMap((itemtype) =>
      [...countBy(liveAssets(itemtype), (row) => String(dropdownName(names.states, row.states_id)))].map(
        ([state, count]) => `${itemtype}|${state}|${count}`,
      ),
    );
    expect(dashboard.park.assets.byTypeAndState.map((row) => `${row.itemtype}|${row.state}|${row.count}`).sort()).toEqual(
      expectedStates.sort(),
    );

    const computers = liveAssets('Computer');
    const makers = [...countBy(computers, (row) => String(dropdownName(names.manufacturers, row.manufacturers_id)))].map(
      ([name, count]) => `${name}|${count}`,
    );
    expect(dashboard.park.computers.byManufacturer.map((row) => `${row.name}|${row.count}`).sort()).toEqual(makers.sort());

    const today = algiersDate(now);
    const horizon = addDays(algiersDate(now), 90);
    const licences = liveAssets('SoftwareLicense');
    const expiry = licences.map((row) => (typeof row.expire === 'string' ? row.expire.slice(0, 10) : null));
    expect(dashboard.park.licences).toMatchObject({
      total: licences.length,
      expiringWithin90Days: expiry.filter((day) => day !== null && day >= today && day <= horizon).length,
      expired: expiry.filter((day) => day !== null && day < today).length,
    });
    expect(dashboard.syncedAt.park).not.toBeNull();
  });

  it("shows each computer's operating system and the warranties ending within 90 days", async () => {
    const dashboard = await browser.run((api) => api.portal.dashboard.get());
    const computers = liveAssets('Computer');
    // A computer's OS is its first Item_OperatingSystem row; without one, none (null).
    const osOf = new Map<number, string | null>();
    for (const row of h.sim.state
      .rows('Item_OperatingSystem', entityId)
      .filter((r) => r.is_deleted === 0)
      .sort((a, b) => Number(b.id) - Number(a.id))) {
      if (row.itemtype === 'Computer') osOf.set(Number(row.items_id), dropdownName(names.operatingSystems, row.operatingsystems_id));
    }
    const systems = [...countBy(computers, (row) => String(osOf.get(Number(row.id)) ?? null))].map(([name, count]) => `${name}|${count}`);
    expect(osOf.size).toBeGreaterThan(0);
    expect(dashboard.park.computers.byOperatingSystem.map((row) => `${row.name}|${row.count}`).sort()).toEqual(systems.sort());

    const today = algiersDate(now);
    const horizon = addDays(algiersDate(now), 90);
    // An asset's warranty is its latest Infocom's: start + duration in months.
    const warrantyEnd = new Map<string, string>();
    for (const row of h.sim.state.rows('Infocom', entityId).sort((a, b) => Number(a.id) - Number(b.id))) {
      if (typeof row.warranty_date !== 'string' || Number(row.warranty_duration) <= 0) continue;
      const end = new Date(`${row.warranty_date}T00:00:00Z`);
      end.setUTCMonth(end.getUTCMonth() + Number(row.warranty_duration));
      warrantyEnd.set(`${row.itemtype}|${row.items_id}`, end.toISOString().slice(0, 10));
    }
    const ending = assetTypes
      .flatMap((itemtype) => liveAssets(itemtype).map((row) => warrantyEnd.get(`${itemtype}|${row.id}`)))
      .filter((day) => day !== undefined && day >= today && day <= horizon);
    expect(ending.length).toBeGreaterThan(0);
    expect(dashboard.park.warranties.endingWithin90Days).toBe(ending.length);
  });

  it('shows the support figures GLPI holds', async () => {
    const dashboard = await browser.run((api) => api.portal.dashboard.get());
    const tickets = h.sim.state.tickets(entityId).filter((row) => row.is_deleted === 0);
    const byStatus = [...countBy(tickets, (row) => String(row.status))].map(([status, count]) => ({ status: Number(status), count }));
    const byUrgency = [...countBy(tickets, (row) => String(row.urgency))].map(([urgency, count]) => ({ urgency: Number(urgency), count }));
    expect(dashboard.support.byStatus).toEqual(byStatus.sort((a, b) => a.status - b.status));
    expect(dashboard.support.byUrgency).toEqual(byUrgency.sort((a, b) => a.urgency - b.urgency));
    expect(dashboard.support.total).toBe(tickets.length);
    expect(dashboard.support.open).toBe(tickets.filter((row) => Number(row.status) < 5).length);

    const months = lastAlgiersMonths(12, now).months;
    const since = algiersMonthStart(months[0]!);
    const monthOf = (date: Date | null) => (date && date >= since ? algiersMonth(date) : null);
    expect(dashboard.support.perMonth).toEqual(
      months.map((month) => ({
        month,
        opened: tickets.filter((row) => monthOf(glpiUtc(row.date)) === month).length,
        solved: tickets.filter((row) => monthOf(glpiUtc(row.solvedate)) === month).length,
      })),
    );
    const monthStart = algiersMonthStart(algiersMonth(now));
    const openedThisMonth = tickets.filter((row) => (glpiUtc(row.date) ?? new Date(0)) >= monthStart).length;
    expect(openedThisMonth).toBeGreaterThanOrEqual(3);
    expect(dashboard.support.openedThisMonth).toBe(openedThisMonth);

    const solved = tickets
      .map((row) => ({ opened: glpiUtc(row.date), solved: glpiUtc(row.solvedate) }))
      .filter(
        (row): row is { opened: Date; solved: Date } =>
          row.opened !== null && row.solved !== null && row.solved >= since && row.solved >= row.opened,
      );
    const meanSeconds =
      solved.reduce((sum, row) => sum + (Math.floor(row.solved.getTime() / 1000) - Math.floor(row.opened.getTime() / 1000)), 0) /
      solved.length;
    expect(dashboard.support.meanTimeToSolveHours).toBe(Math.round((meanSeconds / 3600) * 10) / 10);
    expect(dashboard.syncedAt.tickets).not.toBeNull();
  });

  it('puts the plan against reality, the subscription, the documents and the log-ins', async () => {
    const dashboard = await browser.run((api) => api.portal.dashboard.get());
    const computers = liveAssets('Computer').length;
    const monthStart = algiersMonthStart(algiersMonth(now));
    const openedThisMonth = h.sim.state
      .tickets(entityId)
      .filter((row) => row.is_deleted === 0 && (glpiUtc(row.date) ?? new Date(0)) >= monthStart).length;
    const percent = (used: number) => Math.round((used / tierMaxQty) * 1000) / 10;
    expect(dashboard.plan).toEqual([
      { kind: 'tickets', used: openedThisMonth, allowed: tierMaxQty, percent: percent(openedThisMonth) },
      { kind: 'computers', used: computers, allowed: tierMaxQty, percent: percent(computers) },
    ]);
    expect(dashboard.subscription).toMatchObject({ service: { code: 'full' }, tierMaxQty, daysLeft: 89, renewUrl: '/quote' });
    expect(dashboard.documents).toMatchObject({ proformas: 0, purchaseOrders: 0, invoices: 0, link: '/portal/documents' });

    const perDay = new Map(dashboard.connections.perDay.map((row) => [row.day, row.count]));
    expect(dashboard.connections.perDay).toHaveLength(30);
    expect(perDay.get(algiersDate(now))).toBe(1);
    expect(perDay.get(addDays(algiersDate(now), -2))).toBe(2);
    expect(perDay.get(addDays(algiersDate(now), -12))).toBe(1);
    expect(dashboard.connections.last30Days).toBe(4);
    expect(dashboard.connections.perWeek).toHaveLength(12);
    expect(dashboard.connections.perWeek.reduce((sum, row) => sum + row.count, 0)).toBe(4);
  });

  it('answers the same after a Redis flush (rebuilt from MySQL)', async () => {
    // The domain function itself: the procedure keeps its answer for a few seconds.
    const before = await portalDashboard(companyId);
    await redis().del(redisKey('glpi', 'dashboard', companyId));
    expect(await redis().get(redisKey('glpi', 'dashboard', companyId))).toBeNull();
    const after = await portalDashboard(companyId);
    expect({ ...after.park, computedAt: null }).toEqual({ ...before.park, computedAt: null });
    expect(after.support).toEqual(before.support);
    expect(await redis().get(redisKey('glpi', 'dashboard', companyId))).not.toBeNull();
  });
});
