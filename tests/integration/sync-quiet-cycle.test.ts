import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiSyncRun } from '../../server/db/models';
import { syncMonitor } from '../../server/glpi-cache/sync-monitor';
import { syncCompany, syncServerWide } from '../../worker/sync/sync-company';
import { undatedDropdowns } from '../../worker/glpi/glpi-schemas';
import { serverWideItemtypes, syncedItemtypes } from '../../worker/sync/sync-context';
import { closeTestResources } from '../support/close-resources';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';

let h: SyncHarness;

/** A cycle as the worker runs it: the server-wide reads and every company's at the same time. */
const everything = async () => {
  const results = await Promise.all([
    syncServerWide(h.ctx),
    ...[...h.companyOf.values()].map((companyId) => syncCompany(h.ctx, { companyId })),
  ]);
  for (const result of results) expect(result).toMatchObject({ status: 'done', failures: [] });
};

beforeAll(async () => {
  h = await startSyncHarness({
    // Seeded up to an hour ago: tickets opened in the days before were solved and closed by then
    // (the seed once dated some after the simulator's clock, and each cycle read them again), and
    // nothing is younger than the settle time (overlapSeconds) the next read starts below.
    sim: { seed: { seed: 5, entities: 2, assets: 120, tickets: 2_000, referenceDate: new Date(Date.now() - 3_600_000).toISOString() } },
  });
  await everything();
});

afterAll(async () => {
  await h.close();
  await closeTestResources();
});

describe('a quiet cycle right after a first sync', () => {
  it('writes nothing and asks one small page per (entity, type), as the sync monitor shows', async () => {
    h.sim.state.requests.length = 0;
    await everything();

    for (const companyId of h.companyOf.values()) {
      const monitor = await syncMonitor(companyId);
      // No row at or after where each read started (a table without date_mod is read whole).
      const reread = monitor.pairs.filter((pair) => pair.lastItems !== 0 && !undatedDropdowns.has(pair.itemtype));
      expect(reread.map((pair) => `${pair.itemtype}: ${pair.lastItems}`)).toEqual([]);
      // The company's two scopes (park and tickets), each one run of this cycle.
      expect(monitor.runs.slice(0, 2).map((run) => ({ status: run.status, rowsChanged: run.rowsChanged }))).toEqual([
        { status: 'done', rowsChanged: 0 },
        { status: 'done', rowsChanged: 0 },
      ]);
    }
    const serverRuns = await GlpiSyncRun.findAll({ where: { companyId: null }, order: [['id', 'DESC']], limit: 2 });
    expect(serverRuns.map((run) => run.rowsChanged)).toEqual([0, 0]);

    const lists = h.sim.state.requests.filter((request) => request.method === 'GET' && /^\/[A-Za-z_]+$/.test(request.path));
    const perType = new Map<string, string[]>();
    for (const request of lists) perType.set(request.path.slice(1), [...(perType.get(request.path.slice(1)) ?? []), request.query]);
    for (const itemtype of syncedItemtypes) {
      const asked = perType.get(itemtype) ?? [];
      expect(asked, itemtype).toHaveLength(h.companyOf.size);
      expect(
        asked.every((query) => /range=0-19/.test(query)),
        itemtype,
      ).toBe(true);
    }
    for (const itemtype of serverWideItemtypes) {
      const asked = perType.get(itemtype) ?? [];
      expect(asked, itemtype).toHaveLength(1);
      // A table GLPI keeps no date_mod for is read whole, a few rows (SoftwareCategory).
      if (/sort=date_mod/.test(asked[0] ?? '')) expect(asked[0], itemtype).toMatch(/range=0-19/);
    }
  });
});
