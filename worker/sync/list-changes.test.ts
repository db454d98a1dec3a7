import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiApiDriver } from '../../tests/support/glpi-api-driver';
import { clientEntityIds, startHarness, type Harness } from '../glpi/glpi-test-support';
import { readChanges, type ChangesOptions } from './list-changes';

/**
 * readChanges against the simulator, which orders rows sharing a date_mod second differently for
 * every range, as MariaDB does under a real GLPI: whatever the window sizes, a read returns every
 * row at or above `since` exactly once, also when the list moves between two windows.
 */
let h: Harness;
let driver: GlpiApiDriver;
let entityId: number;

const small: Omit<ChangesOptions, 'since'> = {
  trash: false,
  firstPageSize: 3,
  pageSize: 7,
  maxPageSize: 28,
  overlap: 2,
  expand: false,
  utcOffsetMinutes: 0,
};

async function readAll(since: string | null, options = small, between?: (window: number) => Promise<void>) {
  return h.pool.withEntity(entityId, async (client) => {
    const ids: number[] = [];
    let window = 0;
    for await (const page of readChanges(client, 'Computer', { ...options, since })) {
      ids.push(...page.rows.map((row) => row.id));
      await between?.(++window);
    }
    return ids;
  });
}

beforeAll(async () => {
  h = await startHarness({ sim: { seed: { seed: 5, entities: 1, assets: 0, tickets: 0 } } });
  entityId = clientEntityIds(h.sim)[0]!;
  driver = await GlpiApiDriver.open(h.sim.url, h.sim.userToken);
});

afterAll(async () => {
  await driver.close();
  await h.close();
});

describe('reading changes whatever the order of tied rows', () => {
  it('returns every row of mass actions once, through windows that cut their seconds', async () => {
    // Older rows a second apart, and a second shared by twelve of them.
    const stamp = (i: number) => `2026-01-01 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const old = await driver.create(
      'Computer',
      Array.from({ length: 40 }, (_, i) => ({ name: `OLD-${i}`, entities_id: entityId, date_mod: stamp(i < 12 ? 0 : i) })),
    );
    const mass = await driver.create(
      'Computer',
      Array.from({ length: 60 }, (_, i) => ({ name: `MASS-${i}`, entities_id: entityId })),
    );
    const tiedAbove = await driver.create(
      'Computer',
      Array.from({ length: 5 }, (_, i) => ({ name: `LATE-${i}`, entities_id: entityId, date_mod: '2099-01-01 00:00:00' })),
    );
    for (const sizes of [
      small,
      { ...small, firstPageSize: 20, pageSize: 500, maxPageSize: 2000, overlap: 10 },
      { ...small, maxPageSize: 7 },
    ]) {
      const everything = await readAll(null, sizes);
      expect(everything.sort((a, b) => a - b)).toEqual([...old, ...mass, ...tiedAbove].sort((a, b) => a - b));
      const recent = await readAll('2026-06-01 00:00:00', sizes);
      expect(recent.sort((a, b) => a - b)).toEqual([...mass, ...tiedAbove].sort((a, b) => a - b));
    }
  });

  it('loses no row when rows above the reader are trashed or new ones arrive between two windows', async () => {
    const before = await driver.all('Computer');
    const wanted = new Set(before.map((row) => row.id));
    const victims = before.filter((row) => String(row.name).startsWith('LATE-')).map((row) => row.id);
    const ids = await readAll(null, small, async (window) => {
      if (window === 2) {
        // Trashed rows leave the live list: every row below them moves up.
        await driver.trash('Computer', victims);
        for (const id of victims) wanted.delete(id);
      }
      if (window === 4) {
        const added = await driver.create('Computer', [{ name: 'ARRIVED', entities_id: entityId }]);
        // Modified after the read started: the next cycle reads it, this one may.
        expect(added).toHaveLength(1);
      }
    });
    for (const id of wanted) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
