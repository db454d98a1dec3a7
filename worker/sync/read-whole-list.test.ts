import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiApiDriver } from '../../tests/support/glpi-api-driver';
import { clientEntityIds, startHarness, type Harness } from '../glpi/glpi-test-support';
import { readWholeList, type WholeListOptions } from './read-whole-list';

/**
 * readWholeList against the simulator: windows by id asked several at once return every row once,
 * also when rows below the reader leave the list between two windows (the list moves up under
 * windows already asked), and `newest` never counts a row changed after the read started.
 */
let h: Harness;
let driver: GlpiApiDriver;
let entityId: number;

const small: WholeListOptions = { pageSize: 7, overlap: 2, expand: false, utcOffsetMinutes: 0, readAhead: 3 };

async function readAll(options: WholeListOptions, between?: (page: number) => Promise<void>) {
  return h.pool.withEntity(entityId, async (client) => {
    const ids: number[] = [];
    const newest: Array<string | null> = [];
    let page = 0;
    for await (const each of readWholeList(client, 'Computer', options)) {
      ids.push(...each.rows.map((row) => row.id));
      newest.push(each.newest);
      await between?.(++page);
    }
    return { ids, newest, requests: page };
  });
}

beforeAll(async () => {
  h = await startHarness({ sim: { seed: { seed: 7, entities: 1, assets: 0, tickets: 0 } } });
  entityId = clientEntityIds(h.sim)[0]!;
  driver = await GlpiApiDriver.open(h.sim.url, h.sim.userToken);
  await driver.create(
    'Computer',
    Array.from({ length: 60 }, (_, i) => ({ name: `PC-${i}`, entities_id: entityId, date_mod: '2026-01-01 10:00:00' })),
  );
});

afterAll(async () => {
  await driver.close();
  await h.close();
});

describe('reading a whole list by id, windows asked at once', () => {
  it('returns every row once, whatever the window size and the read-ahead', async () => {
    const everything = (await driver.all('Computer')).map((row) => row.id).sort((a, b) => a - b);
    expect(everything).toHaveLength(60);
    for (const options of [
      small,
      { ...small, pageSize: 5, readAhead: 1 },
      { ...small, pageSize: 1, overlap: 1 },
      { ...small, readAhead: 1 },
      { ...small, pageSize: 60 },
      { ...small, pageSize: 59 },
      { ...small, pageSize: 500 },
    ]) {
      const { ids } = await readAll(options);
      expect(ids).toEqual(everything);
    }
  });

  it('loses no row when rows already read leave the list while the next windows are asked', async () => {
    const before = (await driver.all('Computer')).map((row) => row.id).sort((a, b) => a - b);
    // The first window read ids 0..6 of the list; trashing four of them moves every later row up by four.
    const victims = before.slice(1, 5);
    const { ids } = await readAll({ ...small, readAhead: 2 }, async (page) => {
      if (page === 1) await driver.trash('Computer', victims);
    });
    const left = before.filter((id) => !victims.includes(id));
    for (const id of left) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    await driver.restore('Computer', victims);
  });

  it('does not count a row changed during the read as the newest when the read started', async () => {
    const all = (await driver.all('Computer')).map((row) => row.id).sort((a, b) => a - b);
    const last = all.at(-1)!;
    const { ids, newest } = await readAll({ ...small, readAhead: 1 }, async (page) => {
      // The last row, in a window not asked yet, is changed now: stamped after the read started.
      if (page === 1) h.sim.state.update('Computer', last, { date_mod: '2099-01-01 00:00:00' });
    });
    expect(ids).toContain(last);
    expect(newest.filter((date) => date !== null).every((date) => date! < '2099-01-01 00:00:00')).toBe(true);
  });
});
