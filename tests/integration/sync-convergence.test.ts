import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequelize } from '../../server/db/sequelize';
import { GlpiSyncEvent, GlpiSyncState } from '../../server/db/models';
import { syncMonitor } from '../../server/glpi-cache/sync-monitor';
import { GlpiNetworkError } from '../../worker/glpi/glpi-errors';
import { syncCompany } from '../../worker/sync/sync-company';
import { closeTestResources } from '../support/close-resources';
import { cacheSnapshot, glpiSnapshot, startSyncHarness, type SyncHarness } from '../support/sync-harness';

let h: SyncHarness;
let entityId: number;
let companyId: number;

const liveOf = (itemtype: 'Computer' | 'Printer' | 'SoftwareLicense' | 'Monitor') =>
  h.sim.state
    .rows(itemtype, entityId)
    .filter((row) => row.is_deleted === 0)
    .map((row) => Number(row.id));
const liveTickets = () => h.sim.state.tickets(entityId).filter((row) => row.is_deleted === 0);
const cycle = () => h.cycle(companyId);

beforeAll(async () => {
  h = await startSyncHarness({
    sim: { seed: { seed: 21, entities: 1, assets: 150, tickets: 30 } },
    options: { pageSize: 9, firstPageSize: 4, overlapRows: 3, reconcileEvery: 1000 },
  });
  entityId = h.entityIds[0]!;
  companyId = h.companyOf.get(entityId)!;
  await cycle();
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

describe('incremental cycles', () => {
  it('converge exactly after GLPI changes, adds, trashes, restores and purges items', async () => {
    const [c1, c2, c3, c4] = liveOf('Computer');
    h.sim.state.update('Computer', c1!, { name: 'RENAMED-PC' });
    h.sim.state.trash('Computer', c2!);
    h.sim.state.purge('Computer', c3!);
    h.sim.state.trash('Computer', c4!);
    h.sim.state.restore('Computer', c4!);
    h.sim.state.addItem('Computer', { entities_id: entityId, name: 'NEW-PC-1', serial: 'SN-NEW-1' });
    const [p1] = liveOf('Printer');
    h.sim.state.purge('Printer', p1!);
    const [l1] = liveOf('SoftwareLicense');
    h.sim.state.update('SoftwareLicense', l1!, { number: 99 });
    const [t1, t2] = liveTickets();
    h.sim.state.trash('Ticket', Number(t1!.id));
    h.sim.state.update('Ticket', Number(t2!.id), { name: 'Imprimante en panne (modifié)' });
    h.sim.state.addItem('Ticket', { entities_id: entityId, name: 'Nouveau ticket GLPI', content: '<p>x</p>' });
    await cycle();
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
    // A second quiet cycle changes nothing.
    await cycle();
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
  });

  it("keeps an asset's OS and warranty in step with GLPI's Item_OperatingSystem and Infocom rows", async () => {
    const shown = async (itemtype: string, id: number) =>
      (
        await sequelize.query<{ os: string | null; start: string | null; end: string | null }>(
          `SELECT operating_system AS os, DATE_FORMAT(warranty_start, '%Y-%m-%d') AS start, DATE_FORMAT(warranty_end, '%Y-%m-%d') AS end
       FROM glpi_assets WHERE glpi_entity_id = :entityId AND itemtype = :itemtype AND glpi_id = :id`,
          { replacements: { entityId, itemtype, id }, type: QueryTypes.SELECT },
        )
      )[0];
    const osRows = h.sim.state.rows('Item_OperatingSystem', entityId).filter((row) => row.is_deleted === 0 && row.itemtype === 'Computer');
    const [first, second] = osRows;
    const computer = Number(first!.items_id);
    expect((await shown('Computer', computer))?.os).not.toBeNull();
    // GLPI changes one computer's OS and removes another's.
    h.sim.state.update('Item_OperatingSystem', Number(first!.id), { operatingsystems_id: 3 });
    h.sim.state.purge('Item_OperatingSystem', Number(second!.id));
    // A new monitor with its Infocom, and an Infocom purged from an existing asset.
    const monitor = h.sim.state.addItem('Monitor', { entities_id: entityId, name: 'NEW-MON-1' }).id;
    h.sim.state.addItem('Infocom', {
      entities_id: entityId,
      itemtype: 'Monitor',
      items_id: monitor,
      warranty_date: '2026-01-15',
      warranty_duration: 24,
    });
    const purged = h.sim.state.rows('Infocom', entityId).find((row) => Number(row.warranty_duration) > 0 && row.items_id !== monitor)!;
    h.sim.state.purge('Infocom', Number(purged.id));
    // The computer itself changes too: its own row is written again, its OS must stay.
    h.sim.state.update('Computer', computer, { name: 'RENAMED-AGAIN' });
    await cycle();
    expect(await shown('Computer', computer)).toMatchObject({ os: 'Ubuntu 22.04 LTS' });
    expect((await shown('Computer', Number(second!.items_id)))?.os).toBeNull();
    expect(await shown('Monitor', monitor)).toEqual({ os: null, start: '2026-01-15', end: '2028-01-15' });
    expect(await shown(String(purged.itemtype), Number(purged.items_id))).toMatchObject({ start: null, end: null });
  });

  it('records a solved ticket and a technician answer once each, never a private note', async () => {
    const open = liveTickets().filter((row) => Number(row.status) < 5);
    const solved = Number(open[0]!.id);
    const answered = Number(open[1]!.id);
    const before = await GlpiSyncEvent.count({ where: { companyId } });
    h.sim.state.setTicketStatus(solved, 5);
    const answer = h.sim.state.addFollowup(answered, '<p>Le technicien passe demain.</p>').id;
    h.sim.state.addFollowup(answered, '<p>note interne</p>', true);
    await cycle();
    await cycle();
    const events = await GlpiSyncEvent.findAll({ where: { companyId }, order: [['id', 'ASC']] });
    expect(events.slice(before).map((e) => [e.kind, e.glpiTicketId, e.glpiFollowupId])).toEqual(
      expect.arrayContaining([
        ['ticket_solved', solved, null],
        ['followup_added', answered, answer],
      ]),
    );
    expect(events.length - before).toBe(2);
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
  });

  it('loses nothing while GLPI is down and catches up on the next cycle', async () => {
    const watermarks = (await GlpiSyncState.findAll({ where: { companyId } })).map((s) => [s.itemtype, s.watermark]);
    h.sim.state.setKnobs({ down: 'bad-gateway' });
    const [c1] = liveOf('Computer');
    h.sim.state.update('Computer', c1!, { name: 'CHANGED-WHILE-DOWN' });
    h.sim.state.addItem('Monitor', { entities_id: entityId, name: 'MON-WHILE-DOWN' });
    await expect(cycle()).rejects.toBeInstanceOf(GlpiNetworkError);
    const after = (await GlpiSyncState.findAll({ where: { companyId } })).map((s) => [s.itemtype, s.watermark]);
    expect(after).toEqual(watermarks);
    expect((await syncMonitor(companyId)).runs[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('GlpiNetworkError') });
    h.sim.state.setKnobs({ down: false });
    await cycle();
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
    const monitor = await syncMonitor(companyId);
    expect(monitor.runs[0]).toMatchObject({ status: 'done', error: null });
    expect(monitor.pairs.every((pair) => pair.lastError === null)).toBe(true);
  });

  it('the periodic reconcile finds a change the incremental read could not see', async () => {
    const [m1] = liveOf('Monitor');
    // A write whose date_mod stayed below the watermark (a late commit): invisible to the incremental read.
    h.sim.state.update('Monitor', m1!, { name: 'SILENT-CHANGE', date_mod: '2000-01-01 00:00:00' });
    await syncCompany(h.ctx, { companyId, itemtype: 'Monitor' });
    expect(await cacheSnapshot(entityId)).not.toEqual(glpiSnapshot(h.sim, entityId));
    await syncCompany(h.ctx, { companyId, itemtype: 'Monitor', forceReconcile: true });
    expect(await cacheSnapshot(entityId)).toEqual(glpiSnapshot(h.sim, entityId));
  });
});
