import { Worker } from 'bullmq';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiCompanyLink, GlpiOutboxEntry, Notification } from '../../server/db/models';
import { queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { setGlpiPool } from '../../worker/glpi-runtime';
import { startHarness, type Harness } from '../../worker/glpi/glpi-test-support';
import { deliverOutboxProcessor } from '../../worker/jobs/deliver-outbox';
import { markersOf } from '../../worker/provisioning/entity-identity';
import { provisionCompany, type ProvisioningOptions } from '../../worker/provisioning/provision-company';
import { CircuitBreaker } from '../../worker/sync/circuit-breaker';
import { syncCompany } from '../../worker/sync/sync-company';
import { defaultSyncOptions } from '../../worker/sync/sync-context';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { forgetEarlierSimulators } from '../support/sync-harness';
import { waitFor } from '../support/wait-for';

/**
 * Ids that come back (issue 23): a GLPI that hands a purged entity's id to another entity (a
 * restored backup, a reseeded simulator), against the simulator in-process, on the real database
 * and Redis. The same story against a real GLPI: tests/real-glpi/entity-id-reused-real-glpi.test.ts.
 */
const parentEntityId = 1;
const options: ProvisioningOptions = { parentEntityId, clientProfileId: 1 };
let h: Harness;
let worker: Worker | null = null;

const entity = (id: number) => h.sim.state.rows('Entity').find((row) => row.id === id);
const ticketsCarrying = (key: string) => h.sim.state.tickets().filter((ticket) => String(ticket.content).includes(key));
/** The most alerts any one admin received about that company (each admin is alerted; once is right). */
const lostAlerts = async (companyName: string) => {
  const alerts = (await Notification.findAll({ where: { kind: 'glpiLinkLost' } })).filter(
    (n) => (n.params as Record<string, unknown>).company === companyName,
  );
  const perAdmin = new Map<number, number>();
  for (const alert of alerts) perAdmin.set(alert.userId, (perAdmin.get(alert.userId) ?? 0) + 1);
  return Math.max(0, ...perAdmin.values());
};

/** What BullMQ would run for one outbox job, without a queue: the row's job as the producer wrote it. */
const runOutboxJob = (entry: GlpiOutboxEntry) =>
  deliverOutboxProcessor()({
    id: `test-${entry.id}`,
    data: { outboxId: entry.id, key: entry.idempotencyKey },
    attemptsMade: 0,
    opts: { attempts: 50 },
  } as never);

beforeAll(async () => {
  await seedCatalog();
  await forgetEarlierSimulators();
  h = await startHarness({ sim: { seed: { seed: 11, entities: 1, assets: 10, tickets: 4 } }, config: { retries: 1 } });
  setGlpiPool(h.pool);
});

beforeEach(async () => {
  await getQueue('glpi-outbox').obliterate({ force: true });
  await getQueue('glpi-sync').obliterate({ force: true });
});

afterEach(async () => {
  await worker?.close();
  worker = null;
});

afterAll(async () => {
  setGlpiPool(null);
  await h.close();
  await closeTestResources();
});

describe('GLPI entity ids that come back', () => {
  it('gives a purged entity id to another company by identity: the stale link is retired and flagged once, its tickets wait and are delivered exactly once after repair', async () => {
    const admin = await createUser('admin', null);
    const a = await createCompany({ name: `Ancienne ${Date.now()}` });
    const aUser = await createUser('client', a.id);
    const first = (await provisionCompany({ companyId: a.id }, options))!;
    const aLink = (await GlpiCompanyLink.findByPk(a.id))!;
    expect(markersOf(entity(first.entityId)?.comment)).toEqual([aLink.identityMarker]);

    // GLPI loses the entity and hands its id out again (a restored backup, a reseeded simulator).
    h.sim.state.store.purge('Entity', first.entityId);
    h.sim.state.store.table('Entity').nextId = first.entityId;
    const b = await createCompany({ name: `Nouvelle ${Date.now()}` });
    await createUser('client', b.id);
    const second = (await provisionCompany({ companyId: b.id }, options))!;
    expect(second.entityId).toBe(first.entityId); // the precondition: the id came back

    const bLink = (await GlpiCompanyLink.findByPk(b.id))!;
    expect(bLink).toMatchObject({ glpiEntityId: first.entityId, provisioningState: 'done', identityLostAt: null });
    expect(markersOf(entity(first.entityId)?.comment)).toEqual([bLink.identityMarker]);
    const stale = (await GlpiCompanyLink.findByPk(a.id))!;
    expect(stale).toMatchObject({ glpiEntityId: null, retiredGlpiEntityId: null, provisioningState: 'failed' });
    expect(stale.identityLostAt).not.toBeNull();
    expect(stale.identityProblem).toContain(`GLPI entity ${first.entityId}`);
    expect(await lostAlerts(a.name)).toBe(1);
    expect((await Notification.findAll({ where: { userId: admin.id, kind: 'glpiLinkLost' } })).map((n) => n.link)).toContain(
      `/backoffice/companies/${a.id}/glpi`,
    );

    // The client of the stale link writes: the rows wait (no attempt spent, nothing written to B's entity), one alert in all.
    const tickets = [
      await queueTicket({
        companyId: a.id,
        userId: aUser.id,
        title: 'Imprimante',
        content: 'Elle ne sort rien.',
        urgency: 3,
        type: 'incident',
      }),
      await queueTicket({
        companyId: a.id,
        userId: aUser.id,
        title: 'Messagerie',
        content: 'Plus de courriels.',
        urgency: 3,
        type: 'incident',
      }),
    ];
    await getQueue('glpi-outbox').obliterate({ force: true });
    for (const ticket of tickets) expect(await runOutboxJob(ticket)).toMatchObject({ waiting: true });
    for (const ticket of tickets) expect(await GlpiOutboxEntry.findByPk(ticket.id)).toMatchObject({ state: 'pending' });
    expect(h.sim.state.tickets(first.entityId)).toHaveLength(0);
    expect(await lostAlerts(a.name)).toBe(1);

    // Staff re-provision: a new entity of its own; the waiting tickets go, each exactly once.
    worker = new Worker('glpi-outbox', deliverOutboxProcessor(), {
      connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
      prefix: queuePrefix,
    });
    const repaired = (await provisionCompany({ companyId: a.id }, options))!;
    expect(repaired.entityId).not.toBe(first.entityId);
    expect(await GlpiCompanyLink.findByPk(a.id)).toMatchObject({
      glpiEntityId: repaired.entityId,
      provisioningState: 'done',
      identityLostAt: null,
      identityProblem: null,
    });
    for (const ticket of tickets) {
      await waitFor(async () => (await GlpiOutboxEntry.findByPk(ticket.id))?.state === 'delivered', {
        what: `ticket ${ticket.id} delivered`,
      });
    }
    // Replays (the sweep, a restart) add nothing.
    for (const ticket of tickets) expect(await runOutboxJob(ticket)).toEqual({ glpiId: null });
    for (const ticket of tickets) {
      const inGlpi = ticketsCarrying(ticket.idempotencyKey);
      expect(inGlpi).toHaveLength(1);
      expect(inGlpi[0]!.entities_id).toBe(repaired.entityId);
    }
    expect(h.sim.state.tickets(first.entityId)).toHaveLength(0);
  });

  it("stops a sync cycle whose entity is no longer the company's, flags the link and alerts once, and never reads it into that company", async () => {
    const c = await createCompany({ name: `Cycle ${Date.now()}` });
    await createUser('client', c.id);
    const { entityId } = (await provisionCompany({ companyId: c.id }, options))!;
    const ctx = {
      pool: h.pool,
      logger: pino({ level: 'silent' }),
      stop: { stopping: false },
      options: { ...defaultSyncOptions, parentEntityId, glpiUtcOffsetMinutes: 0 },
      breaker: new CircuitBreaker({ threshold: 100, probeAfterMs: 1 }),
    };
    expect((await syncCompany(ctx, { companyId: c.id, scope: 'tickets' })).status).toBe('done');

    // Another entity now answers at that id: same id, another marker (GLPI restored, then reused).
    h.sim.state.update('Entity', entityId, { name: "Quelqu'un d'autre", comment: '[Y-tech link 00000000-0000-4000-8000-000000000000]' });
    h.sim.state.addItem('Ticket', { name: "Ticket d'un autre client", content: 'secret', entities_id: entityId });
    const before = await GlpiCompanyLink.findByPk(c.id);
    expect(await syncCompany(ctx, { companyId: c.id, scope: 'tickets' })).toEqual({ status: 'skipped', reason: 'link-lost' });
    expect(await syncCompany(ctx, { companyId: c.id, scope: 'tickets' })).toEqual({ status: 'skipped', reason: 'not-linked' });
    const flagged = (await GlpiCompanyLink.findByPk(c.id))!;
    expect(flagged).toMatchObject({ glpiEntityId: entityId, provisioningState: 'failed', identityMarker: before!.identityMarker });
    expect(flagged.identityProblem).toContain('marker is missing');
    expect(await lostAlerts(c.name)).toBe(1);
    const { sequelize } = await import('../../server/db/sequelize');
    const [rows] = await sequelize.query('SELECT name FROM glpi_tickets WHERE company_id = ? AND name = ?', {
      replacements: [c.id, "Ticket d'un autre client"],
    });
    expect(rows).toHaveLength(0);
  });

  it('adopts a link made before markers once, by its name, and checks it by marker from then on', async () => {
    const d = await createCompany({ name: `Historique ${Date.now()}` });
    await createUser('client', d.id);
    const { entityId } = (await provisionCompany({ companyId: d.id }, options))!;
    h.sim.state.update('Entity', entityId, { comment: 'Client historique' });
    await GlpiCompanyLink.update({ identityMarker: null }, { where: { companyId: d.id } });
    await provisionCompany({ companyId: d.id }, options);
    const link = (await GlpiCompanyLink.findByPk(d.id))!;
    expect(link.identityMarker).not.toBeNull();
    expect(entity(entityId)?.comment).toBe(`Client historique\n[Y-tech link ${link.identityMarker}]`);
  });
});
