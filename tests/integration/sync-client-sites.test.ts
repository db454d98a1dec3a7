import { afterAll, beforeAll, describe } from 'vitest';
import { closeTestResources } from '../support/close-resources';
import { clientSitesChecks } from '../support/client-sites-checks';
import { GlpiApiDriver } from '../support/glpi-api-driver';
import { forgetEarlierSimulators, startSyncHarness, type SyncHarness } from '../support/sync-harness';

/** Sub-entities of a client's entity on the simulator (the same checks run on a real GLPI: sync-client-sites-real-glpi.test.ts). */
let h: SyncHarness;
let driver: GlpiApiDriver;

beforeAll(async () => {
  // The entities the checks create get ids that earlier files' simulators gave and linked.
  await forgetEarlierSimulators();
  h = await startSyncHarness();
  driver = await GlpiApiDriver.open(h.sim.url, h.sim.userToken);
});

afterAll(async () => {
  await driver?.close();
  await h?.close();
  await closeTestResources();
});

describe("a client's sites", () => {
  clientSitesChecks(() => ({ driver, parentEntityId: h.ctx.options.parentEntityId, cycle: (companyId) => h.cycle(companyId) }));
});
