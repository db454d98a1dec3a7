import { randomBytes } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultPlatform, type FaultPlatform } from '../support/fault-harness';
import { provisionedEntity, subscribedClient } from '../support/fault-glpi';
import { GlpiApiDriver } from '../support/glpi-api-driver';
import { realGlpi, type RealGlpi } from '../support/real-glpi';
import { waitFor } from '../support/wait-for';

/**
 * The worker as it ships (`npm run worker`: the bundle under plain Node, its default limiter and
 * cadence but a short one) against a real GLPI 10.0.12: it provisions a subscribed client, syncs
 * what a technician records in GLPI, delivers the client's ticket and brings back the answer. The
 * other real-GLPI files run the worker's modules in the test process; this one runs the artefact.
 */
let glpi: RealGlpi;
let driver: GlpiApiDriver;
let p: FaultPlatform;
let companyId: number;
let userId: number;
let entityId: number;
const tag = randomBytes(3).toString('hex');

const cached = <T extends object>(sql: string, replacements: Record<string, unknown>) =>
  p.app.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });

beforeAll(async () => {
  glpi = await realGlpi();
  driver = await GlpiApiDriver.open(glpi.url, glpi.userToken);
  const parentEntityId = await driver.createOne('Entity', { name: `Worker livré ${tag}`, entities_id: 0 });
  p = await startFaultPlatform({
    env: {
      GLPI_URL: glpi.url,
      GLPI_USER_TOKEN: glpi.userToken,
      GLPI_PARENT_ENTITY_ID: String(parentEntityId),
      // start-glpi.sh: GLPI's clock is UTC.
      GLPI_UTC_OFFSET_MINUTES: '0',
      SYNC_TICKETS_EVERY_SECONDS: '3',
      SYNC_ASSETS_EVERY_MINUTES: '0.05',
    },
  });
  const client = await subscribedClient(p.app, `Client livré ${tag}`);
  companyId = client.company.id;
  userId = client.user.id;
  await p.startWorker();
  entityId = await provisionedEntity(p.app, companyId, 120_000);
  // A session sees an entity created by another one only once it is opened again (GLPI-API.md).
  await driver.close();
  driver = await GlpiApiDriver.open(glpi.url, glpi.userToken);
  await driver.switchTo(0, true);
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await p?.close();
});

describe('the shipped worker against a real GLPI', () => {
  it('provisions the client: an entity under the configured parent, and a GLPI user for the client', async () => {
    const [entity] = await glpi.query<{ entities_id: number; name: string }>('SELECT entities_id, name FROM glpi_entities WHERE id = ?', [
      entityId,
    ]);
    expect(entity?.name).toBe(`Client livré ${tag}`);
    const [link] = await cached<{ glpi_user_id: number | null }>('SELECT glpi_user_id FROM glpi_user_links WHERE user_id = :userId', {
      userId,
    });
    expect(link?.glpi_user_id).toEqual(expect.any(Number));
    const [user] = await glpi.query<{ id: number }>('SELECT id FROM glpi_users WHERE id = ?', [link!.glpi_user_id]);
    expect(user?.id).toBe(link!.glpi_user_id);
  });

  it('syncs the computers and the ticket a technician records in the entity', async () => {
    await driver.create(
      'Computer',
      [1, 2, 3].map((n) => ({ name: `PC-${tag}-${n}`, serial: `SN-${tag}-${n}`, entities_id: entityId })),
    );
    await driver.create('Ticket', [{ name: `Panne ${tag}`, content: '<p>Le serveur ne répond plus.</p>', entities_id: entityId }]);
    const names = await waitFor(
      async () => {
        const rows = await cached<{ name: string }>(
          "SELECT name FROM glpi_assets WHERE company_id = :companyId AND itemtype = 'Computer' AND deleted_at IS NULL ORDER BY name",
          { companyId },
        );
        const tickets = await cached<{ name: string }>(
          'SELECT name FROM glpi_tickets WHERE company_id = :companyId AND deleted_at IS NULL',
          {
            companyId,
          },
        );
        return rows.length === 3 && tickets.length === 1 ? [...rows, ...tickets].map((row) => row.name) : null;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: "the technician's computers and ticket in the cache" },
    );
    expect(names).toEqual([`PC-${tag}-1`, `PC-${tag}-2`, `PC-${tag}-3`, `Panne ${tag}`]);
  }, 120_000);

  it("delivers the client's ticket into the entity and brings back the technician's answer", async () => {
    const entry = await p.app.queueTicket({
      companyId,
      userId,
      title: `Imprimante ${tag}`,
      content: 'Elle affiche une erreur de bourrage.',
      urgency: 3,
      type: 'incident',
    });
    const delivered = await waitFor(
      async () => {
        const row = await p.app.models.GlpiOutboxEntry.findByPk(entry.id);
        return row?.state === 'delivered' && row.glpiId !== null ? row : null;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'the outbox entry delivered' },
    );
    // GLPI's own database, not the code under test, says where the ticket went.
    const [ticket] = await glpi.query<{ entities_id: number; name: string }>('SELECT entities_id, name FROM glpi_tickets WHERE id = ?', [
      delivered.glpiId,
    ]);
    expect(ticket).toEqual({ entities_id: entityId, name: `Imprimante ${tag}` });

    await driver.create('ITILFollowup', [
      { itemtype: 'Ticket', items_id: delivered.glpiId, content: `<p>Bourrage levé ${tag}.</p>`, is_private: 0 },
    ]);
    const answers = await waitFor(
      async () => {
        const rows = await cached<{ content: string }>(
          'SELECT content FROM glpi_ticket_followups WHERE company_id = :companyId AND glpi_ticket_id = :ticketId AND deleted_at IS NULL',
          { companyId, ticketId: delivered.glpiId },
        );
        return rows.length > 0 ? rows : null;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: "the technician's answer in the cache" },
    );
    expect(answers.map((row) => row.content).join(' ')).toContain(`Bourrage levé ${tag}.`);
  }, 200_000);
});
