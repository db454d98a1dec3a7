import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiSyncEvent, GlpiSyncState } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { computeDashboard, dashboardSchema, readDashboard } from '../../server/glpi-cache/dashboard-aggregates';
import { syncFreshness } from '../../server/glpi-cache/sync-freshness';
import { syncMonitor } from '../../server/glpi-cache/sync-monitor';
import { redis, redisKey } from '../../server/redis';
import { syncCompany } from '../../worker/sync/sync-company';
import { serverWideItemtypes } from '../../worker/sync/sync-context';
import { closeTestResources } from '../support/close-resources';
import { cacheSnapshot, glpiSnapshot, startSyncHarness, type SyncHarness } from '../support/sync-harness';

let h: SyncHarness;

beforeAll(async () => {
  // Small pages so that every type spans several of them.
  h = await startSyncHarness({
    sim: { seed: { seed: 11, entities: 2, assets: 160, tickets: 40 } },
    options: { pageSize: 7, firstPageSize: 3, overlapRows: 2 },
  });
  await h.syncAll();
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

describe('first full sync', () => {
  it('copies every live item of each entity, row by row', async () => {
    for (const entityId of h.entityIds) {
      const glpi = glpiSnapshot(h.sim, entityId);
      expect(glpi.Computer?.length).toBeGreaterThan(7);
      expect(glpi.Ticket?.length).toBeGreaterThan(7);
      expect(glpi.ITILFollowup?.some((f) => f.private === 1)).toBe(true);
      expect(await cacheSnapshot(entityId)).toEqual(glpi);
    }
  });

  it('keeps the fields the portal shows, with dropdowns as names and text decoded', async () => {
    const entityId = h.entityIds[0]!;
    const computer = h.sim.state.rows('Computer', entityId).find((row) => row.is_deleted === 0)!;
    const [cached] = await sequelize.query<Record<string, unknown>>(
      'SELECT * FROM glpi_assets WHERE glpi_entity_id = :entityId AND itemtype = :t AND glpi_id = :id',
      { replacements: { entityId, t: 'Computer', id: computer.id }, type: QueryTypes.SELECT },
    );
    expect(cached).toMatchObject({
      serial: computer.serial,
      inventory_number: computer.otherserial,
      company_id: h.companyOf.get(entityId),
    });
    expect(typeof cached?.state).toBe('string');
    expect(typeof cached?.location).toBe('string');
    expect(typeof cached?.manufacturer).toBe('string');
    const ticket = h.sim.state.tickets(entityId).find((row) => row.is_deleted === 0)!;
    const [cachedTicket] = await sequelize.query<Record<string, unknown>>(
      'SELECT * FROM glpi_tickets WHERE glpi_entity_id = :entityId AND glpi_id = :id',
      { replacements: { entityId, id: ticket.id }, type: QueryTypes.SELECT },
    );
    expect(cachedTicket).toMatchObject({
      status: ticket.status,
      urgency: ticket.urgency,
      priority: ticket.priority,
      content: ticket.content,
    });
    expect(cachedTicket?.requester_glpi_user_id).toBe((ticket.requesters as number[])[0]);
    expect(typeof cachedTicket?.category).toBe('string');
  });

  it('records no event and marks every pair done with its progress', async () => {
    for (const companyId of h.companyOf.values()) {
      expect(await GlpiSyncEvent.count({ where: { companyId } })).toBe(0);
      const monitor = await syncMonitor(companyId);
      expect(
        monitor.pairs
          .filter((pair) => !pair.serverWide)
          .map((pair) => pair.itemtype)
          .sort(),
      ).toEqual([
        'Computer',
        'Infocom',
        'Item_OperatingSystem',
        'Monitor',
        'NetworkEquipment',
        'Peripheral',
        'Phone',
        'Printer',
        'Software',
        'SoftwareLicense',
        'Ticket',
      ]);
      expect(
        monitor.pairs
          .filter((pair) => pair.serverWide)
          .map((pair) => pair.itemtype)
          .sort(),
      ).toEqual([...serverWideItemtypes].sort());
      for (const pair of monitor.pairs) {
        expect(pair.lastSuccessAt).not.toBeNull();
        expect(pair.lastError).toBeNull();
        expect(pair.firstSync?.finished).toBe(true);
        expect(pair.firstSync?.done).toBe(pair.firstSync?.total);
      }
      expect(monitor.runs[0]).toMatchObject({ status: 'done' });
      expect(monitor.runs[0]!.requests).toBeGreaterThan(0);
      expect(monitor.runs[0]!.rowsRead).toBeGreaterThan(0);
      const freshness = await syncFreshness(companyId);
      expect(freshness.oldest).toBeInstanceOf(Date);
    }
  });

  it('keeps two items sharing a date_mod across a page boundary', async () => {
    const entityId = h.entityIds[1]!;
    const companyId = h.companyOf.get(entityId)!;
    const stamp = '2030-01-01 10:00:00';
    // Ten monitors with the same date_mod: with pages of 7 they straddle a boundary.
    const ids = Array.from(
      { length: 10 },
      (_, n) => h.sim.state.addItem('Monitor', { entities_id: entityId, name: `TIE-${n}`, date_mod: stamp }).id,
    );
    await syncCompany(h.ctx, { companyId, itemtype: 'Monitor' });
    const rows = await sequelize.query<{ id: number }>(
      "SELECT glpi_id AS id FROM glpi_assets WHERE glpi_entity_id = :entityId AND itemtype = 'Monitor' AND deleted_at IS NULL AND name LIKE 'TIE-%'",
      { replacements: { entityId }, type: QueryTypes.SELECT },
    );
    expect(rows.map((row) => Number(row.id)).sort((a, b) => a - b)).toEqual(ids);
    // One more at the same second, after the watermark reached it: the overlap finds it.
    const late = h.sim.state.addItem('Monitor', { entities_id: entityId, name: 'TIE-late', date_mod: stamp }).id;
    await syncCompany(h.ctx, { companyId, itemtype: 'Monitor' });
    expect((await cacheSnapshot(entityId)).Monitor?.some((row) => Number(row.id) === late)).toBe(true);
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
  });

  it('rebuilds the dashboard from MySQL after a Redis flush', async () => {
    const companyId = h.companyOf.get(h.entityIds[0]!)!;
    const key = redisKey('glpi', 'dashboard', companyId);
    const stored = await redis().get(key);
    expect(stored).not.toBeNull();
    await redis().del(key);
    const rebuilt = await readDashboard(companyId);
    const fresh = await computeDashboard(companyId);
    expect({ ...rebuilt, computedAt: '' }).toEqual({ ...fresh, computedAt: '' });
    expect(await redis().get(key)).not.toBeNull();
    const entityId = h.entityIds[0]!;
    const glpi = glpiSnapshot(h.sim, entityId);
    const assetTotal = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense'].reduce(
      (sum, t) => sum + (glpi[t]?.length ?? 0),
      0,
    );
    expect(rebuilt.assets.total).toBe(assetTotal);
    expect(rebuilt.tickets.total).toBe(glpi.Ticket?.length);
    expect(rebuilt.tickets.perMonth).toHaveLength(12);
  });

  it('a quiet cycle asks each item type once, beyond session handling', async () => {
    const companyId = h.companyOf.get(h.entityIds[0]!)!;
    await syncCompany(h.ctx, { companyId });
    h.sim.state.requests.length = 0;
    await syncCompany(h.ctx, { companyId });
    const lists = h.sim.state.requests.filter((r) => !/initSession|changeActiveEntities|killSession/.test(r.path));
    // Eight asset types, their OS and Infocom rows, the tickets.
    // One more per company cycle: the check that the linked entity is still the company's (entity-identity.ts).
    expect(lists.length).toBeLessThanOrEqual(12);
    const states = await GlpiSyncState.findAll({ where: { companyId } });
    expect(states.every((state) => state.lastError === null)).toBe(true);
  });

  it('recomputes the dashboard when a cycle finds an asset purged in GLPI, and not when nothing changed', async () => {
    const entityId = h.entityIds[1]!;
    const companyId = h.companyOf.get(entityId)!;
    await syncCompany(h.ctx, { companyId });
    const stored = async () => dashboardSchema.parse(JSON.parse((await redis().get(redisKey('glpi', 'dashboard', companyId))) ?? 'null'));
    const settled = await stored();
    // A quiet cycle (the overlap's rows read again, none changed) leaves the stored figures as they were.
    await syncCompany(h.ctx, { companyId });
    expect((await stored()).computedAt).toBe(settled.computedAt);
    // Purged: no list shows it any more, only the counts differ (the reconcile finds it).
    const computer = h.sim.state.rows('Computer', entityId).find((row) => row.is_deleted === 0 && row.is_template === 0)!;
    h.sim.state.purge('Computer', Number(computer.id));
    await syncCompany(h.ctx, { companyId, itemtype: 'Computer' });
    const after = await stored();
    expect(after.computedAt).not.toBe(settled.computedAt);
    expect(after.assets.total).toBe(settled.assets.total - 1);
  });
});
