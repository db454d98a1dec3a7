import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultPlatform, type FaultPlatform } from '../support/fault-harness';
import { expectConverged, expectDeliveredOnce, provisionedEntity, subscribedClient, technicianChanges } from '../support/fault-glpi';
import { waitFor } from '../support/wait-for';

// A slow and a dead GLPI, seen by the real worker process: the sync and the ticket outbox lose
// nothing, write nothing twice, and catch up on their own once GLPI answers again.
let p: FaultPlatform;
let entityId: number;
let companyId: number;
let userId: number;

const ticket = (title: string) =>
  p.app.queueTicket({ companyId, userId, title, content: `${title} — détails`, urgency: 3, type: 'incident' });
const syncErrors = () => p.app.models.GlpiSyncState.count({ where: { companyId, lastError: { [Op.ne]: null } } });

beforeAll(async () => {
  p = await startFaultPlatform({
    glpi: { seed: { seed: 41, entities: 0, namedEntities: ['Oasis Transit SARL'], assets: 120, tickets: 25 } },
    // A cycle every 3 s, so that the test sees several.
    env: { SYNC_TICKETS_EVERY_SECONDS: '3', SYNC_ASSETS_EVERY_MINUTES: '0.05' },
  });
  const client = await subscribedClient(p.app, 'Oasis Transit SARL');
  companyId = client.company.id;
  userId = client.user.id;
  await p.startWorker();
  entityId = await provisionedEntity(p.app, companyId);
  await expectConverged(p.app, p.sim!, entityId);
}, 180_000);

afterAll(async () => {
  await p?.close();
});

describe('GLPI slow or down', () => {
  it('a sync cycle against a GLPI answering in 2 s per request still brings every change, once', async () => {
    p.sim!.state.setKnobs({ latencyMs: 2_000 });
    technicianChanges(p.sim!, entityId, 'lent');
    await expectConverged(p.app, p.sim!, entityId, 120_000);
    p.sim!.state.setKnobs({ latencyMs: 0 });
  }, 150_000);

  it('tickets written while GLPI answers in 2 s per request are delivered, each exactly once', async () => {
    p.sim!.state.setKnobs({ latencyMs: 2_000 });
    const entries = [await ticket('Écran noir'), await ticket('Souris HS'), await ticket('Wi-Fi coupé')];
    await expectDeliveredOnce(
      p.app,
      p.sim!,
      entityId,
      entries.map((e) => e.id),
      120_000,
    );
    p.sim!.state.setKnobs({ latencyMs: 0 });
  }, 150_000);

  it('a GLPI that is down during sync cycles and ticket delivery: the cache keeps what it had, tickets wait, all converges once GLPI is back', async () => {
    p.sim!.state.setKnobs({ down: 'reset' });
    // Passes GLPI had already started answering (2 s each above) finish and write first, as they would:
    // the cache is read once every pass of the company has met the outage and none is running.
    const before = await waitFor(
      async () => {
        const states = await p.app.models.GlpiSyncState.findAll({ where: { companyId } });
        const allFailed = states.length > 0 && states.every((state) => state.lastError !== null && state.runningSince === null);
        return allFailed ? p.app.cacheSnapshot(entityId) : null;
      },
      { timeoutMs: 60_000, intervalMs: 300, what: 'every sync pass of the company failing against the dead GLPI' },
    );
    technicianChanges(p.sim!, entityId, 'panne');
    const entries = [await ticket('Imprimante bloquée'), await ticket('VPN refusé')];

    // Cycles fail and say so; delivery attempts fail and are counted; nothing is dropped.
    await waitFor(async () => (await syncErrors()) > 0, { timeoutMs: 60_000, intervalMs: 300, what: 'a failed sync cycle recorded' });
    const waiting = await waitFor(
      async () => {
        const rows = await p.app.models.GlpiOutboxEntry.findAll({ where: { id: entries.map((e) => e.id) } });
        return rows.every((row) => row.attempts >= 2) ? rows : null;
      },
      { timeoutMs: 60_000, intervalMs: 300, what: 'two failed delivery attempts per ticket' },
    );
    for (const row of waiting) {
      expect(row.state).not.toBe('delivered');
      expect(row.state).not.toBe('failed');
      expect(row.lastError).toBeTruthy();
    }
    expect(await p.app.cacheSnapshot(entityId)).toEqual(before);

    p.sim!.state.setKnobs({ down: false });
    await expectDeliveredOnce(
      p.app,
      p.sim!,
      entityId,
      entries.map((e) => e.id),
    );
    await expectConverged(p.app, p.sim!, entityId);
    await waitFor(async () => (await syncErrors()) === 0, {
      timeoutMs: 30_000,
      intervalMs: 300,
      what: 'sync errors cleared by a good cycle',
    });
  }, 180_000);
});
