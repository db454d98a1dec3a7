import { afterAll, beforeAll, describe, it } from 'vitest';
import { closeTestResources } from '../support/close-resources';
import { cachePicture, glpiPicture, pictureDifferences } from '../support/cache-vs-glpi';
import { GlpiApiDriver } from '../support/glpi-api-driver';
import { GlpiScenario } from '../support/glpi-scenario';
import { scenarioSeeds } from '../support/scenario-seeds';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';

/**
 * The convergence check against the simulator: many seeded random scenarios, the cache compared
 * with GLPI row by row after every cycle (the same scenarios run against a real GLPI in
 * tests/real-glpi/sync-scenarios-real-glpi.test.ts). Small pages put every window boundary inside
 * seconds that mass actions tied, and the simulator orders tied rows differently per page size.
 */
let h: SyncHarness;
let driver: GlpiApiDriver;

beforeAll(async () => {
  h = await startSyncHarness({
    sim: { seed: { seed: 31, entities: 24, assets: 48, tickets: 24 } },
    options: { firstPageSize: 3, pageSize: 7, maxPageSize: 28, overlapRows: 2, reconcileEvery: 1_000 },
  });
  driver = await GlpiApiDriver.open(h.sim.url, h.sim.userToken);
});

afterAll(async () => {
  await driver?.close();
  await h?.close();
  await closeTestResources();
});

describe('the cache converges on the simulator, whatever GLPI does', () => {
  const seeds = scenarioSeeds(
    Array.from({ length: 16 }, (_, i) => 101 + i),
    4,
  );
  seeds.forEach((seed, index) => {
    it(`scenario seed ${seed}`, async () => {
      const entityId = h.entityIds[index % h.entityIds.length]!;
      const companyId = h.companyOf.get(entityId)!;
      const scenario = new GlpiScenario(driver, entityId, seed);
      await scenario.prepare();
      await h.cycle(companyId);
      for (let cycle = 1; cycle <= 10; cycle += 1) {
        for (let steps = 1 + ((seed + cycle) % 3); steps > 0; steps -= 1) await scenario.step();
        await h.cycle(companyId);
        const differences = pictureDifferences(await glpiPicture(driver, entityId), await cachePicture(entityId));
        if (differences.length > 0) {
          throw new Error(
            `cache differs from GLPI after cycle ${cycle} (replay: SCENARIO_SEEDS=${seed})\n${scenario.describe()}\n${differences.slice(0, 30).join('\n')}`,
          );
        }
      }
    }, 120_000);
  });
});
