import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiCompanyLink, GlpiOutboxEntry, Notification } from '../../server/db/models';
import { queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { deliverOutboxProcessor } from '../../worker/jobs/deliver-outbox';
import { markersOf } from '../../worker/provisioning/entity-identity';
import { provisionCompany, type ProvisioningOptions } from '../../worker/provisioning/provision-company';
import { syncCompany } from '../../worker/sync/sync-company';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { privateRealGlpi, type RealGlpi } from '../support/real-glpi';
import { startRealSyncHarness, type RealSyncHarness } from '../support/real-sync-harness';
import { waitFor } from '../support/wait-for';

/**
 * Issue 23 against a real GLPI 10.0.12: an entity purged and its id given to another company's
 * entity. What GLPI holds is read from its own database, never through the code under test.
 */
let h: RealSyncHarness;
// A GLPI of this file's own: the id given again is MAX(id) + 1, which an entity created meanwhile by
// another file on the run's shared GLPI would take (CI saw 25 instead of 22).
let glpi: RealGlpi & { stop(): Promise<void> };
let options: ProvisioningOptions;
let worker: Worker | null = null;

const entityRow = async (id: number) =>
  (
    await h.glpi.query<{ id: number; name: string; comment: string | null }>('SELECT id, name, comment FROM glpi_entities WHERE id = ?', [
      id,
    ])
  )[0];
const ticketsCarrying = (key: string) =>
  h.glpi.query<{ id: number; entities_id: number }>('SELECT id, entities_id FROM glpi_tickets WHERE content LIKE ?', [`%${key}%`]);

beforeAll(async () => {
  glpi = await privateRealGlpi('entity-reuse');
  h = await startRealSyncHarness({ glpi });
  options = { pool: () => h.ctx.pool, parentEntityId: h.parentEntityId, clientProfileId: 1 };
  await getQueue('glpi-outbox').obliterate({ force: true });
}, 300_000);

afterAll(async () => {
  await worker?.close();
  await getQueue('glpi-outbox').obliterate({ force: true });
  await h?.close();
  await glpi?.stop();
  await closeTestResources();
});

describe('a GLPI entity id given again, in a real GLPI', () => {
  it('retires the stale link by identity, flags it once, stops its sync, and delivers its waiting ticket exactly once after repair', async () => {
    const a = await createCompany({ name: `Purgée ${Date.now()}` });
    const aUser = await createUser('client', a.id);
    const first = (await provisionCompany({ companyId: a.id }, options))!;
    const aLink = (await GlpiCompanyLink.findByPk(a.id))!;
    expect(markersOf((await entityRow(first.entityId))?.comment ?? null)).toEqual([aLink.identityMarker]);

    // Purged in GLPI (with what it held), then GLPI's counter goes back as after a restored backup:
    // InnoDB would otherwise keep counting; MariaDB raises a lower AUTO_INCREMENT to MAX(id) + 1.
    // GLPI refuses to purge an entity that still holds profiles: a technician removes them first.
    await h.driver.switchTo(0, true); // a session sees entities created since its last switch only after switching again
    const profileLinks = await h.glpi.query<{ id: number }>('SELECT id FROM glpi_profiles_users WHERE entities_id = ?', [first.entityId]);
    if (profileLinks.length > 0)
      await h.driver.purge(
        'Profile_User',
        profileLinks.map((row) => row.id),
      );
    await h.driver.purge('Entity', [first.entityId]);
    expect(await entityRow(first.entityId)).toBeUndefined();
    await h.glpi.query('ALTER TABLE glpi_entities AUTO_INCREMENT = 1');

    // Before anyone takes the id: the sync of the company finds its entity gone and stops.
    expect(await syncCompany(h.ctx, { companyId: a.id, scope: 'tickets' })).toEqual({ status: 'skipped', reason: 'link-lost' });
    expect(await GlpiCompanyLink.findByPk(a.id)).toMatchObject({ glpiEntityId: first.entityId, provisioningState: 'failed' });
    expect((await GlpiCompanyLink.findByPk(a.id))!.identityProblem).toContain('no longer exists');

    const b = await createCompany({ name: `Héritière ${Date.now()}` });
    await createUser('client', b.id);
    const second = (await provisionCompany({ companyId: b.id }, options))!;
    expect(second.entityId).toBe(first.entityId); // the precondition: GLPI gave the id again
    const bLink = (await GlpiCompanyLink.findByPk(b.id))!;
    expect(bLink).toMatchObject({ glpiEntityId: first.entityId, provisioningState: 'done' });
    expect(markersOf((await entityRow(first.entityId))?.comment ?? null)).toEqual([bLink.identityMarker]);
    expect(await GlpiCompanyLink.findByPk(a.id)).toMatchObject({
      glpiEntityId: null,
      retiredGlpiEntityId: null,
      provisioningState: 'failed',
    });
    const alerts = (await Notification.findAll({ where: { kind: 'glpiLinkLost' } })).filter(
      (n) => (n.params as Record<string, unknown>).company === a.name,
    );
    // Every admin is alerted, each once at most: the loss was found once (other files add admins to this database).
    expect(new Set(alerts.map((alert) => alert.userId)).size).toBe(alerts.length);

    // A's client writes while the link is lost: the row waits and nothing reaches B's entity.
    const ticket = await queueTicket({
      companyId: a.id,
      userId: aUser.id,
      title: 'Serveur',
      content: 'Le partage ne répond plus.',
      urgency: 4,
      type: 'incident',
    });
    worker = new Worker('glpi-outbox', deliverOutboxProcessor({ pool: options.pool }), {
      connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
      prefix: queuePrefix,
    });
    await waitFor(async () => /must be repaired/.test((await GlpiOutboxEntry.findByPk(ticket.id))?.lastError ?? ''), {
      timeoutMs: 60_000,
      what: 'the ticket waiting',
    });
    expect(await GlpiOutboxEntry.findByPk(ticket.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await ticketsCarrying(ticket.idempotencyKey)).toEqual([]);

    // Staff re-provision: a new entity of A's own, and the waiting ticket goes, once.
    const repaired = (await provisionCompany({ companyId: a.id }, options))!;
    expect(repaired.entityId).not.toBe(first.entityId);
    await waitFor(async () => (await GlpiOutboxEntry.findByPk(ticket.id))?.state === 'delivered', {
      timeoutMs: 60_000,
      what: 'the ticket delivered',
    });
    await provisionCompany({ companyId: a.id }, options); // a replay releases nothing twice
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const delivered = await ticketsCarrying(ticket.idempotencyKey);
    expect(delivered).toEqual([{ id: expect.any(Number), entities_id: repaired.entityId }]);
    // B's entity kept only what is B's: no ticket of A, no client profile of A's user.
    expect(await h.glpi.query('SELECT id FROM glpi_tickets WHERE entities_id = ?', [first.entityId])).toEqual([]);
    const aAccount = (await h.glpi.query<{ id: number }>('SELECT id FROM glpi_users WHERE name = ?', [aUser.email]))[0]!;
    expect(await h.glpi.query('SELECT entities_id FROM glpi_profiles_users WHERE users_id = ? AND profiles_id = 1', [aAccount.id])).toEqual(
      [{ entities_id: repaired.entityId }],
    );
  }, 240_000);
});
