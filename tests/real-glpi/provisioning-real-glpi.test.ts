import { Queue, Worker } from 'bullmq';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlpiCompanyLink, GlpiUserLink } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { queueReply, queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { deliverOutboxEntry } from '../../worker/jobs/deliver-outbox';
import { provisionCompany, type ProvisioningOptions } from '../../worker/provisioning/provision-company';
import { syncServerWide } from '../../worker/sync/sync-company';
import { syncJobProcessor } from '../../worker/sync/sync-job';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { startRealSyncHarness, type RealSyncHarness } from '../support/real-sync-harness';
import { waitFor } from '../support/wait-for';

/**
 * Provisioning, relinking and the outbox against a real GLPI 10.0.12: what GLPI records is read
 * from its own database, never through the code under test.
 */
let h: RealSyncHarness;
let options: ProvisioningOptions;
let worker: Worker | null = null;
let syncQueue: Queue;

const glpiUser = async (email: string) =>
  (
    await h.glpi.query<{ id: number; api_token: string | null; profiles_id: number; entities_id: number }>(
      'SELECT id, api_token, profiles_id, entities_id FROM glpi_users WHERE name = ?',
      [email],
    )
  )[0];

/** Queued, provisioning is retried by BullMQ while a sync of the company holds its lock; here, by hand. */
const relink = (companyId: number, entityId: number) =>
  waitFor(
    () =>
      provisionCompany({ companyId, entityId }, options).then(
        () => true,
        (error: unknown) => {
          if (/sync of company .* is running/.test(String(error))) return false;
          throw error;
        },
      ),
    { timeoutMs: 60_000, intervalMs: 200, what: 'the relink' },
  );

beforeAll(async () => {
  h = await startRealSyncHarness();
  options = { pool: () => h.ctx.pool, parentEntityId: h.parentEntityId, clientProfileId: 1 };
  await getQueue('glpi-sync').obliterate({ force: true });
  syncQueue = new Queue('glpi-sync', { connection: redisConnectionOptions(), prefix: queuePrefix });
  worker = new Worker(
    'glpi-sync',
    syncJobProcessor(
      { ...h.ctx, options: { ...h.ctx.options, parentEntityId: h.parentEntityId } },
      { queue: syncQueue, cadence: () => ({ ticketsEveryMs: 3_600_000, assetsEveryMs: 3_600_000 }), reschedule: async () => 0 },
    ),
    {
      connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
      prefix: queuePrefix,
    },
  );
}, 300_000);

afterAll(async () => {
  await worker?.close();
  await syncQueue?.obliterate({ force: true });
  await syncQueue?.close();
  await h?.close();
  await closeTestResources();
});

describe('provisioning and the outbox against a real GLPI', { timeout: 180_000 }, () => {
  it("writes the client's tickets and replies as the client's own GLPI user, so technicians see who wrote", async () => {
    const company = await createCompany();
    const user = await createUser('client', company.id);
    const { entityId } = (await provisionCompany({ companyId: company.id }, options))!;
    const account = await glpiUser(user.email);
    // The identity provisioning gave: a token GLPI accepts, the client profile and entity by default.
    expect(account).toMatchObject({ profiles_id: 1, entities_id: entityId });
    expect(account?.api_token).toMatch(/^[A-Za-z0-9]{40}$/);
    const link = await GlpiUserLink.findByPk(user.id);
    expect(link?.apiTokenSealed).not.toContain(account!.api_token!);

    const ticket = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Écran noir',
      content: 'Le poste ne démarre plus.',
      urgency: 3,
      type: 'incident',
    });
    const glpiTicketId = (await deliverOutboxEntry(ticket.id, { pool: options.pool }))!;
    const [created] = await h.glpi.query<{ entities_id: number; users_id_recipient: number }>(
      'SELECT entities_id, users_id_recipient FROM glpi_tickets WHERE id = ?',
      [glpiTicketId],
    );
    expect(created).toEqual({ entities_id: entityId, users_id_recipient: account!.id });
    const actors = await h.glpi.query<{ users_id: number; type: number }>(
      'SELECT users_id, type FROM glpi_tickets_users WHERE tickets_id = ?',
      [glpiTicketId],
    );
    expect(actors).toEqual([{ users_id: account!.id, type: 1 }]);

    const reply = await queueReply({ companyId: company.id, userId: user.id, glpiTicketId, content: 'Toujours en panne ce matin.' });
    const followupId = (await deliverOutboxEntry(reply.id, { pool: options.pool }))!;
    const [followup] = await h.glpi.query<{ users_id: number; items_id: number }>(
      'SELECT users_id, items_id FROM glpi_itilfollowups WHERE id = ?',
      [followupId],
    );
    expect(followup).toEqual({ users_id: account!.id, items_id: glpiTicketId });
    // Delivered rows are never sent twice.
    expect(await deliverOutboxEntry(reply.id, { pool: options.pool })).toBeNull();
    expect(await h.glpi.query('SELECT id FROM glpi_itilfollowups WHERE items_id = ?', [glpiTicketId])).toHaveLength(1);
  });

  it('relinks a company to another entity: first sync at once, nothing of the old entity left, its GLPI profile removed', async () => {
    const company = await createCompany();
    const user = await createUser('client', company.id);
    const first = await h.driver.createOne('Entity', { name: `Linked ${company.id}`, entities_id: h.parentEntityId });
    await h.driver.switchTo(0, true);
    await h.driver.create(
      'Computer',
      [1, 2, 3].map((n) => ({ name: `OLD-${n}`, entities_id: first })),
    );
    await syncServerWide(h.ctx);
    await provisionCompany({ companyId: company.id, entityId: first }, options);
    const count = async () =>
      Number(
        (
          await sequelize.query<{ n: number }>(
            "SELECT COUNT(*) AS n FROM glpi_assets WHERE company_id = :companyId AND itemtype = 'Computer' AND deleted_at IS NULL",
            { replacements: { companyId: company.id }, type: QueryTypes.SELECT },
          )
        )[0]?.n,
      );
    // The first sync queued by provisioning runs in the worker and completes (BullMQ keeps the job).
    await waitFor(async () => (await count()) === 3, { timeoutMs: 60_000, what: 'first sync of the first entity' });
    await waitFor(async () => (await syncQueue.getJobCounts('completed')).completed >= 1, { what: 'first sync completed' });

    const second = await h.driver.createOne('Entity', { name: `Relinked ${company.id}`, entities_id: h.parentEntityId });
    await h.driver.switchTo(0, true);
    await h.driver.create(
      'Computer',
      [1, 2, 3, 4, 5].map((n) => ({ name: `NEW-${n}`, entities_id: second })),
    );
    await relink(company.id, second);

    await waitFor(async () => (await count()) === 5, { timeoutMs: 60_000, what: 'first sync of the new entity' });
    const names = await sequelize.query<{ name: string }>(
      'SELECT name FROM glpi_assets WHERE company_id = :companyId AND deleted_at IS NULL ORDER BY name',
      { replacements: { companyId: company.id }, type: QueryTypes.SELECT },
    );
    expect(names.map((row) => row.name)).toEqual(['NEW-1', 'NEW-2', 'NEW-3', 'NEW-4', 'NEW-5']);
    expect(
      await sequelize.query('SELECT id FROM glpi_sync_state WHERE glpi_entity_id = :first', {
        replacements: { first },
        type: QueryTypes.SELECT,
      }),
    ).toEqual([]);
    expect(await GlpiCompanyLink.findByPk(company.id)).toMatchObject({
      glpiEntityId: second,
      retiredGlpiEntityId: null,
      provisioningState: 'done',
    });

    const account = await glpiUser(user.email);
    const profiles = await h.glpi.query<{ entities_id: number }>(
      'SELECT entities_id FROM glpi_profiles_users WHERE users_id = ? AND profiles_id = 1',
      [account!.id],
    );
    expect(profiles.map((row) => row.entities_id)).toEqual([second]);
    expect(account?.entities_id).toBe(second);
    // Replayed (a retry after a crash), it changes nothing.
    await relink(company.id, second);
    expect(await h.glpi.query('SELECT id FROM glpi_profiles_users WHERE users_id = ? AND profiles_id = 1', [account!.id])).toHaveLength(1);
    expect(await count()).toBe(5);
  }, 180_000);
});
