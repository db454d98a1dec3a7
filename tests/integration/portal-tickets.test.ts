import { Worker } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { GlpiOutboxEntry, Notification, type Company, type User } from '../../server/db/models';
import { outboxJobId } from '../../server/glpi-outbox/queue-outbox';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { setGlpiPool } from '../../worker/glpi-runtime';
import { startHarness, type Harness } from '../../worker/glpi/glpi-test-support';
import { forgetEarlierSimulators } from '../support/sync-harness';
import { deliverOutboxProcessor } from '../../worker/jobs/deliver-outbox';
import { provisionCompany } from '../../worker/provisioning/provision-company';
import { CircuitBreaker } from '../../worker/sync/circuit-breaker';
import { notifyPendingSyncEvents } from '../../worker/sync/notify-sync-events';
import { syncCompany, syncServerWide } from '../../worker/sync/sync-company';
import { defaultSyncOptions } from '../../worker/sync/sync-context';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, loggedIn } from '../support/fixtures';
import { waitFor } from '../support/wait-for';
import { subscribe } from './portal-support';

// A ticket written while GLPI is down reaches it exactly once, then comes back numbered through the sync.
let h: Harness;
let company: Company;
let user: User;
let entityId: number;
let browser: Awaited<ReturnType<typeof loggedIn>>;
let worker: Worker | null = null;

const sync = async () => {
  const ctx = {
    pool: h.pool,
    logger: pino({ level: 'silent' }),
    stop: { stopping: false },
    options: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 },
    breaker: new CircuitBreaker({ threshold: 100, probeAfterMs: 1 }),
  };
  await syncServerWide(ctx);
  return syncCompany(ctx, { companyId: company.id });
};
const glpiTicketsWith = (key: string) => h.sim.state.tickets(entityId).filter((t) => String(t.content).includes(key));

beforeAll(async () => {
  await seedCatalog();
  await forgetEarlierSimulators();
  h = await startHarness({ sim: { seed: { seed: 5, entities: 1, assets: 10, tickets: 4 } }, config: { retries: 0 } });
  setGlpiPool(h.pool);
  await getQueue('glpi-outbox').obliterate({ force: true });
  company = await createCompany();
  user = await createUser('client', company.id);
  await subscribe(company.id, 'support', 20);
  entityId = (await provisionCompany({ companyId: company.id }, { parentEntityId: 1, clientProfileId: 1 }))!.entityId;
  await sync();
  browser = await loggedIn(user);
});

afterAll(async () => {
  await worker?.close();
  setGlpiPool(null);
  await h.close();
  await closeTestResources();
});

describe('portal tickets through the outbox', () => {
  it('keeps a ticket written while GLPI is down, delivers it once (even after a crash past GLPI’s answer), then shows GLPI’s row at once, without a sync cycle', async () => {
    h.sim.state.setKnobs({ down: 'reset' });
    const { outboxId } = await browser.run((api) =>
      api.portal.tickets.create({ title: 'Imprimante bloquée', content: 'Bourrage papier <bac 2>.', urgency: 4, type: 'incident' }),
    );
    const waiting = await browser.run((api) => api.portal.tickets.list({}));
    expect(waiting.waiting).toMatchObject([{ outboxId, title: 'Imprimante bloquée', state: 'pending', glpiTicketId: null }]);
    expect(await browser.run((api) => api.portal.tickets.conversation({ outboxId }))).toMatchObject({
      source: 'outbox',
      state: 'pending',
      html: '<p>Bourrage papier &lt;bac 2&gt;.</p>',
    });

    // Short back-off for the test; the worker "dies" once right after GLPI accepted the ticket.
    const queue = getQueue('glpi-outbox');
    const jobId = outboxJobId((await GlpiOutboxEntry.findByPk(outboxId))!);
    await (await queue.getJob(jobId))?.remove();
    await queue.add('glpi-outbox', { outboxId }, { jobId, attempts: 50, backoff: { type: 'fixed', delay: 200 } });
    let crashes = 0;
    worker = new Worker(
      'glpi-outbox',
      deliverOutboxProcessor({
        afterGlpiWrite: () => {
          crashes += 1;
          if (crashes === 1) throw new Error('worker killed');
        },
      }),
      { connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null }, prefix: queuePrefix },
    );
    await waitFor(async () => ((await GlpiOutboxEntry.findByPk(outboxId))!.attempts >= 2 ? true : null), {
      what: 'attempts while GLPI is down',
    });
    expect(crashes).toBe(0);
    h.sim.state.setKnobs({ down: false });
    const row = await waitFor(
      async () => {
        const entry = await GlpiOutboxEntry.findByPk(outboxId);
        return entry?.state === 'delivered' ? entry : null;
      },
      { what: 'ticket delivered' },
    );
    expect(crashes).toBe(2);
    const inGlpi = glpiTicketsWith(row.idempotencyKey);
    expect(inGlpi).toHaveLength(1);
    expect(row.glpiId).toBe(inGlpi[0]!.id);

    // Read back from GLPI by the delivery itself (write-through), no sync cycle: an ordinary cached
    // ticket, its outbox reference hidden.
    const listed = await waitFor(
      async () => {
        const list = await browser.run((api) => api.portal.tickets.list({}));
        return list.waiting.length === 0 ? list : null;
      },
      { what: 'ticket read back into the cache' },
    );
    expect(listed.tickets.filter((t) => t.glpiId === row.glpiId)).toMatchObject([{ name: 'Imprimante bloquée', urgency: 4, type: 1 }]);
    const conversation = await browser.run((api) => api.portal.tickets.conversation({ glpiId: row.glpiId! }));
    expect(conversation).toMatchObject({ source: 'glpi', html: '<p>Bourrage papier &lt;bac 2&gt;.</p>', followups: [] });
  });

  it('shows the technician’s answer, marked, with a notification; the client’s reply goes through the outbox', async () => {
    const ticket = (await browser.run((api) => api.portal.tickets.list({}))).tickets[0]!;
    h.sim.state.addFollowup(ticket.glpiId, '<p>Nous passons <b>demain</b>.</p><img src=x onerror="alert(1)">');
    h.sim.state.addFollowup(ticket.glpiId, '<p>Note interne</p>', true);
    await sync();
    await notifyPendingSyncEvents({ companyId: company.id });
    const conversation = await browser.run((api) => api.portal.tickets.conversation({ glpiId: ticket.glpiId }));
    expect(conversation.followups).toMatchObject([{ fromSupport: true, html: '<p>Nous passons <b>demain</b>.</p>' }]);
    const notifications = await Notification.findAll({ where: { userId: user.id, kind: 'glpiTicketAnswered' } });
    expect(notifications.map((n) => n.params)).toEqual([expect.objectContaining({ ticketId: String(ticket.glpiId) })]);

    const { outboxId } = await browser.run((api) => api.portal.tickets.reply({ glpiId: ticket.glpiId, content: 'Merci, à demain.' }));
    const pending = await browser.run((api) => api.portal.tickets.conversation({ glpiId: ticket.glpiId }));
    expect(pending.waitingReplies).toMatchObject([{ outboxId, html: '<p>Merci, à demain.</p>' }]);
    await waitFor(async () => ((await GlpiOutboxEntry.findByPk(outboxId))?.state === 'delivered' ? true : null), {
      what: 'reply delivered',
    });
    await sync();
    const answered = await browser.run((api) => api.portal.tickets.conversation({ glpiId: ticket.glpiId }));
    expect(answered.waitingReplies).toEqual([]);
    expect(answered.followups.map((f) => [f.fromSupport, f.html])).toEqual([
      [true, '<p>Nous passons <b>demain</b>.</p>'],
      [false, '<p>Merci, à demain.</p>'],
    ]);
  });
});
