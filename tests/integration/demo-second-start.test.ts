import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiCompanyLink, GlpiOutboxEntry } from '../../server/db/models';
import { queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { startHarness, type Harness } from '../../worker/glpi/glpi-test-support';
import { deliverOutboxEntry } from '../../worker/jobs/deliver-outbox';
import { provisionCompany } from '../../worker/provisioning/provision-company';
import { CircuitBreaker } from '../../worker/sync/circuit-breaker';
import { syncCompany } from '../../worker/sync/sync-company';
import { defaultSyncOptions } from '../../worker/sync/sync-context';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { forgetEarlierSimulators } from '../support/sync-harness';

/**
 * `npm run demo` started a second time over the first run's database (issue 23): the simulator
 * keeps its data in a file (scripts/demo.ts: var/glpi-sim-state.json), so the companies the first
 * run provisioned still have their entities, accounts and tickets, and a company of the second run
 * gets an id of its own. Two simulators one after the other on one state file, as two demo runs.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'ytech-demo-state-'));
const stateFile = path.join(dir, 'glpi-sim-state.json');
const simOptions = { seed: { seed: 9, entities: 1, namedEntities: ['Atlas Logistique SARL'], assets: 10, tickets: 4 }, stateFile };
const options = (h: Harness) => ({ pool: () => h.pool, parentEntityId: 1, clientProfileId: 1 });
const syncContext = (h: Harness) => ({
  pool: h.pool,
  logger: pino({ level: 'silent' }),
  stop: { stopping: false },
  options: { ...defaultSyncOptions, parentEntityId: 1, glpiUtcOffsetMinutes: 0 },
  breaker: new CircuitBreaker({ threshold: 100, probeAfterMs: 1 }),
});

beforeAll(async () => {
  await seedCatalog();
  await forgetEarlierSimulators();
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeTestResources();
});

describe("a second demo start over the first one's database", () => {
  it("finds the first run's entities, accounts and tickets again, and gives the second run's company an id of its own", async () => {
    // First run: a company registered, subscribed, provisioned, and its ticket delivered.
    const run1 = await startHarness({ sim: simOptions, config: { retries: 1 } });
    const first = await createCompany({ name: `Premier Lancement ${Date.now()}` });
    const firstUser = await createUser('client', first.id);
    const { entityId } = (await provisionCompany({ companyId: first.id }, options(run1)))!;
    const ticket = await queueTicket({
      companyId: first.id,
      userId: firstUser.id,
      title: 'Souris',
      content: 'Elle ne clique plus.',
      urgency: 2,
      type: 'incident',
    });
    const glpiTicketId = (await deliverOutboxEntry(ticket.id, {
      pool: () => run1.pool,
      syncOptions: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 },
    }))!;
    await run1.close(); // Ctrl+C: the simulator saves its data

    // Second run, same database: the simulator comes back with what the first run wrote.
    const run2 = await startHarness({ sim: simOptions, config: { retries: 1 } });
    try {
      expect(run2.sim.state.store.entityName(entityId)).toBe(first.name);
      expect(run2.sim.state.tickets(entityId).map((t) => t.id)).toContain(glpiTicketId);
      expect((await syncCompany(syncContext(run2), { companyId: first.id, scope: 'tickets' })).status).toBe('done');
      expect(await GlpiCompanyLink.findByPk(first.id)).toMatchObject({
        glpiEntityId: entityId,
        provisioningState: 'done',
        identityLostAt: null,
      });

      const second = await createCompany({ name: `Second Lancement ${Date.now()}` });
      const secondUser = await createUser('client', second.id);
      const provisioned = (await provisionCompany({ companyId: second.id }, options(run2)))!;
      expect(provisioned.entityId).not.toBe(entityId);
      const secondTicket = await queueTicket({
        companyId: second.id,
        userId: secondUser.id,
        title: 'Écran',
        content: 'Tout noir.',
        urgency: 3,
        type: 'incident',
      });
      expect(
        await deliverOutboxEntry(secondTicket.id, {
          pool: () => run2.pool,
          syncOptions: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 },
        }),
      ).toEqual(expect.any(Number));
      expect(await GlpiOutboxEntry.findByPk(secondTicket.id)).toMatchObject({ state: 'delivered' });
      // The first run's company is untouched by the second's.
      expect(await GlpiCompanyLink.findByPk(first.id)).toMatchObject({ glpiEntityId: entityId, identityLostAt: null });
    } finally {
      await run2.close();
    }
  });
});
