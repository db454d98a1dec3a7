import { afterAll, beforeAll, describe, it } from 'vitest';
import { closeTestResources } from '../support/close-resources';
import { GlpiScenario } from '../support/glpi-scenario';
import { startRealSyncHarness, type RealSyncHarness } from '../support/real-sync-harness';
import { scenarioSeeds } from '../support/scenario-seeds';

/**
 * The convergence check against a real GLPI 10.0.12: seeded random scenarios (mass actions,
 * trash, purge, follow-ups on closed tickets, OS and warranties…), the cache compared with GLPI row
 * by row after every cycle. A few seeds here; many against the simulator (sync-scenarios.test.ts).
 */
let h: RealSyncHarness;

beforeAll(async () => {
  // Small pages: every window boundary falls inside seconds that mass actions tied.
  h = await startRealSyncHarness({ options: { firstPageSize: 3, pageSize: 7, maxPageSize: 28, overlapRows: 2 } });
}, 300_000);

afterAll(async () => {
  await h?.close();
  await closeTestResources();
});

describe('the cache converges on a real GLPI, whatever GLPI does', { timeout: 180_000 }, () => {
  for (const seed of scenarioSeeds([1, 2], 1)) {
    it(`scenario seed ${seed}`, async () => {
      const { entityId, companyId } = await h.addClient();
      const scenario = new GlpiScenario(h.driver, entityId, seed);
      await scenario.prepare();
      for (let cycle = 1; cycle <= 8; cycle += 1) {
        for (let steps = 1 + ((seed + cycle) % 3); steps > 0; steps -= 1) await scenario.step();
        await h.cycle(companyId);
        const differences = await h.differences(entityId);
        if (differences.length > 0) {
          throw new Error(
            `cache differs from GLPI after cycle ${cycle} (replay: SCENARIO_SEEDS=${seed})\n${scenario.describe()}\n${differences.slice(0, 30).join('\n')}`,
          );
        }
      }
    }, 300_000);
  }
});
