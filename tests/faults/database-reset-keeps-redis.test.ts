import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultPlatform, type FaultPlatform } from '../support/fault-harness';
import type { PlatformProcess } from '../support/platform-process';
import { waitFor } from '../support/wait-for';

/**
 * Issue 23: a database reset (or restored from a backup) while Redis keeps its queues hands out the
 * same row ids again. Jobs named by those ids alone would meet the completed jobs BullMQ keeps and
 * be dropped without a word. Here the platform runs as in production (worker process, simulator,
 * SMTP catcher), lives once, has its database emptied, and lives again with the same ids.
 */
let p: FaultPlatform;
let worker: PlatformProcess | null = null;

beforeAll(async () => {
  p = await startFaultPlatform({ glpi: { seed: { seed: 5, entities: 1, assets: 10, tickets: 4 } } });
}, 180_000);

afterAll(async () => {
  await p?.close();
});

/** Every table emptied, auto-increments back to 1 (what a fresh or restored database hands out), the catalog seeded again. */
async function resetDatabase() {
  const { sequelize } = p.app;
  const tables = await sequelize.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'SequelizeMeta'",
    { type: QueryTypes.SELECT },
  );
  await sequelize.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const { name } of tables) await sequelize.query(`TRUNCATE TABLE \`${name}\``);
  await sequelize.query('SET FOREIGN_KEY_CHECKS = 1');
  await p.app.seedCatalog();
}

/** A subscribed client who writes a ticket, and a mail: the work each life of the database gives. */
async function oneLife(name: string) {
  const company = await p.app.createCompany({ name });
  const user = await p.app.createUser('client', company.id);
  await p.app.giveActiveSubscription(company.id);
  const ticket = await p.app.queueTicket({
    companyId: company.id,
    userId: user.id,
    title: `Panne ${name}`,
    content: 'Le poste ne démarre plus.',
    urgency: 3,
    type: 'incident',
  });
  const to = p.app.uniqueEmail('reset');
  const mail = await p.app.enqueueMail({ to, template: 'welcome', locale: 'fr', params: { name, portalUrl: `${p.appUrl}/portal` } });
  return { company, user, ticket, mail, to };
}

const ticketsCarrying = (key: string) => p.sim!.state.tickets().filter((ticket) => String(ticket.content).includes(key));

describe('a database reset while Redis keeps its queues', () => {
  it('provisions the new subscription and delivers its ticket and mail: no retained job of the first database swallows them', async () => {
    const first = await oneLife('Première Vie SARL');
    worker = await p.startWorker();
    await waitFor(async () => (await p.app.models.GlpiOutboxEntry.findByPk(first.ticket.id))?.state === 'delivered', {
      timeoutMs: 60_000,
      what: 'first ticket delivered',
    });
    await waitFor(async () => p.mailsTo(first.to).length === 1, { timeoutMs: 30_000, what: 'first mail' });
    await worker.kill();

    // The precondition: Redis keeps the first database's finished jobs for these very row ids.
    const kept = await p.app.getQueue('glpi-outbox').getJobs(['completed']);
    expect(kept.some((job) => job.data.outboxId === first.ticket.id)).toBe(true);
    expect((await p.app.getQueue('mail').getJobs(['completed'])).some((job) => job.data.emailLogId === first.mail.id)).toBe(true);

    await resetDatabase();
    const second = await oneLife('Seconde Vie SARL');
    // Same ids as in the first life: only the jobs' own names tell the work apart.
    expect([second.company.id, second.ticket.id, second.mail.id]).toEqual([first.company.id, first.ticket.id, first.mail.id]);
    // And the jobs the web process queued are lost (Redis refused them, say): the worker's start must queue them.
    await (await p.app.getQueue('glpi-outbox').getJob(p.app.outboxJobId(second.ticket)))?.remove();
    await (await p.app.getQueue('mail').getJob(p.app.mailJobId(second.mail)))?.remove();

    worker = await p.startWorker();
    await waitFor(async () => (await p.app.models.GlpiCompanyLink.findByPk(second.company.id))?.provisioningState === 'done', {
      timeoutMs: 60_000,
      what: 'second company provisioned',
    });
    const link = (await p.app.models.GlpiCompanyLink.findByPk(second.company.id))!;
    expect(p.sim!.state.store.entityName(link.glpiEntityId!)).toBe('Seconde Vie SARL');
    await waitFor(async () => (await p.app.models.GlpiOutboxEntry.findByPk(second.ticket.id))?.state === 'delivered', {
      timeoutMs: 60_000,
      what: 'second ticket delivered',
    });
    await waitFor(async () => p.mailsTo(second.to).length === 1, { timeoutMs: 30_000, what: 'second mail' });

    const inGlpi = ticketsCarrying(second.ticket.idempotencyKey);
    expect(inGlpi).toHaveLength(1);
    expect(inGlpi[0]!.entities_id).toBe(link.glpiEntityId);
    expect(ticketsCarrying(first.ticket.idempotencyKey)).toHaveLength(1);
    expect(p.mailsTo(first.to)).toHaveLength(1);
  }, 240_000);
});
