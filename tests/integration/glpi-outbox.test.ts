import { Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmailLogEntry, GlpiOutboxEntry, GlpiUserLink, Notification, type Company, type User } from '../../server/db/models';
import { outboxRepliesOf, outboxTicketsOf } from '../../server/glpi-outbox/list-outbox';
import { stripOutboxMarker } from '../../server/glpi-outbox/outbox-marker';
import { outboxJobId, queueReply, queueTicket } from '../../server/glpi-outbox/queue-outbox';
import { sequelize } from '../../server/db/sequelize';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { setGlpiPool } from '../../worker/glpi-runtime';
import { startHarness, type Harness } from '../../worker/glpi/glpi-test-support';
import { forgetEarlierSimulators } from '../support/sync-harness';
import { deliverOutboxEntry, deliverOutboxProcessor } from '../../worker/jobs/deliver-outbox';
import { requeuePendingOutbox } from '../../worker/jobs/requeue-pending-outbox';
import { provisionCompany } from '../../worker/provisioning/provision-company';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser } from '../support/fixtures';
import { waitFor } from '../support/wait-for';

// Tickets and replies go through the outbox to the GLPI simulator, on the real database and Redis.
let h: Harness;
let worker: Worker | null = null;
let company: Company;
let user: User;
let entityId: number;

function startWorker() {
  worker = new Worker('glpi-outbox', deliverOutboxProcessor(), {
    connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
    prefix: queuePrefix,
  });
  return worker;
}

/** Same job id as queueTicket's, with a short back-off so that the test does not wait minutes. */
async function fastRetries(outboxId: number) {
  const queue = getQueue('glpi-outbox');
  const jobId = outboxJobId((await GlpiOutboxEntry.findByPk(outboxId))!);
  await (await queue.getJob(jobId))?.remove();
  await queue.add('glpi-outbox', { outboxId }, { jobId, attempts: 50, backoff: { type: 'fixed', delay: 200 } });
}

const glpiTicketsWith = (key: string) => h.sim.state.tickets(entityId).filter((t) => String(t.content).includes(key));
const delivered = (id: number) =>
  waitFor(
    async () => {
      const row = await GlpiOutboxEntry.findByPk(id);
      return row?.state === 'delivered' ? row : null;
    },
    { what: `outbox ${id} delivered` },
  );

beforeAll(async () => {
  await forgetEarlierSimulators();
  h = await startHarness({ sim: { seed: { seed: 11, entities: 2, assets: 20, tickets: 10 } }, config: { retries: 1 } });
  setGlpiPool(h.pool);
  company = await createCompany();
  user = await createUser('client', company.id);
  const result = await provisionCompany({ companyId: company.id }, { parentEntityId: 1, clientProfileId: 1 });
  entityId = result!.entityId;
});

beforeEach(async () => {
  await getQueue('glpi-outbox').obliterate({ force: true });
  h.sim.state.setKnobs({ down: false });
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

describe('GLPI outbox', () => {
  it('keeps a ticket written while GLPI is down and delivers it exactly once when GLPI is back', async () => {
    h.sim.state.setKnobs({ down: 'reset' });
    const entry = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Imprimante en panne',
      content: 'Elle affiche <E-05> & clignote.\n\nMerci',
      urgency: 4,
      type: 'incident',
    });
    await fastRetries(entry.id);
    expect(await outboxTicketsOf(company.id)).toMatchObject([{ outboxId: entry.id, title: 'Imprimante en panne', state: 'pending' }]);
    startWorker();
    const waiting = await waitFor(
      async () => {
        const row = await GlpiOutboxEntry.findByPk(entry.id);
        return row && row.attempts >= 2 ? row : null;
      },
      { what: 'two failed attempts' },
    );
    expect(waiting.state).not.toBe('delivered');
    expect(waiting.lastError).toBeTruthy();

    h.sim.state.setKnobs({ down: false });
    const row = await delivered(entry.id);
    const tickets = glpiTicketsWith(entry.idempotencyKey);
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(row.glpiId).toBe(ticket!.id);
    const glpiUser = await GlpiUserLink.findByPk(user.id);
    expect(ticket).toMatchObject({
      name: 'Imprimante en panne',
      urgency: 4,
      type: 1,
      entities_id: entityId,
      requesters: [glpiUser!.glpiUserId],
    });
    // The client's text is escaped, never markup; the reference is hidden from readers.
    expect(stripOutboxMarker(String(ticket!.content))).toBe('<p>Elle affiche &lt;E-05&gt; &amp; clignote.</p><p>Merci</p>');
    expect(await outboxTicketsOf(company.id, { states: ['delivered'] })).toMatchObject([{ outboxId: entry.id, glpiTicketId: ticket!.id }]);

    // Replaying the job (a duplicate delivery) creates nothing more.
    await deliverOutboxEntry(entry.id);
    expect(glpiTicketsWith(entry.idempotencyKey)).toHaveLength(1);

    // The client is told once, with the number: in-app and by e-mail.
    const received = await Notification.findAll({ where: { userId: user.id, kind: 'glpiTicketReceived' } });
    expect(received.map((n) => n.params)).toEqual([{ ticketId: String(ticket!.id), ticketTitle: 'Imprimante en panne' }]);
    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'glpi-ticket-received' } })).toBe(1);
  });

  it('does not create a ticket twice when the worker dies between GLPI’s answer and the local update', async () => {
    const entry = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Poste lent',
      content: 'Très lent depuis lundi.',
      urgency: 3,
      type: 'request',
    });
    const crash = () => {
      throw new Error('worker killed');
    };
    await expect(deliverOutboxEntry(entry.id, { afterGlpiWrite: crash })).rejects.toThrow('worker killed');
    const halfway = await GlpiOutboxEntry.findByPk(entry.id);
    expect(halfway).toMatchObject({ state: 'sending', glpiId: null });
    expect(glpiTicketsWith(entry.idempotencyKey)).toHaveLength(1);

    // The job queued by queueTicket is still there: the restarted worker runs it.
    startWorker();
    const row = await delivered(entry.id);
    const tickets = glpiTicketsWith(entry.idempotencyKey);
    expect(tickets).toHaveLength(1);
    expect(row.glpiId).toBe(tickets[0]!.id);
    expect(tickets[0]).toMatchObject({ type: 2, urgency: 3 });
  });

  it('writes nothing when its job was handed to another worker between the look-up and the write', async () => {
    const entry = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Scanner muet',
      content: 'Le scanner ne répond plus.',
      urgency: 3,
      type: 'incident',
    });
    // A worker processing by hand: the job's lock carries this token, as BullMQ's own worker's would.
    const holder = new Worker('glpi-outbox', null, {
      connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
      prefix: queuePrefix,
    });
    try {
      const job = (await holder.getNextJob('holder-token'))!;
      expect(job.id).toBe(outboxJobId(entry));
      // A worker whose lock expired while it stalled still runs the job with its own, stale token.
      expect(await deliverOutboxProcessor()(job, 'stalled-token')).toMatchObject({ glpiId: null, handedOn: true });
      expect(glpiTicketsWith(entry.idempotencyKey), 'the stalled worker created the ticket').toHaveLength(0);
      expect((await GlpiOutboxEntry.findByPk(entry.id))!.state).toBe('sending');

      // The job's holder delivers it, once.
      const { glpiId } = await deliverOutboxProcessor()(job, 'holder-token');
      expect(glpiTicketsWith(entry.idempotencyKey).map((ticket) => ticket.id)).toEqual([glpiId]);
      expect((await GlpiOutboxEntry.findByPk(entry.id))!.state).toBe('delivered');
    } finally {
      await holder.close();
    }
  });

  it('delivers a reply written before its ticket was numbered, once, after the ticket', async () => {
    const ticket = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Accès VPN',
      content: 'Je n’arrive pas à me connecter.',
      urgency: 3,
      type: 'incident',
    });
    const reply = await queueReply({
      companyId: company.id,
      userId: user.id,
      outboxTicketId: ticket.id,
      content: 'Précision : depuis la maison.',
    });
    expect(await outboxRepliesOf(company.id, { outboxTicketId: ticket.id })).toMatchObject([
      { outboxId: reply.id, state: 'pending', glpiTicketId: null },
    ]);

    // The reply first: it waits for its ticket without failing.
    await expect(deliverOutboxEntry(reply.id)).rejects.toThrow(/waiting for its ticket/);
    startWorker();
    const ticketRow = await delivered(ticket.id);
    const replyRow = await delivered(reply.id);
    expect(replyRow.glpiTicketId).toBe(ticketRow.glpiId);
    const [glpiTicket] = glpiTicketsWith(ticket.idempotencyKey);
    const followups = glpiTicket!.followups as Array<{ id: number; content: string }>;
    expect(followups.filter((f) => f.content.includes(reply.idempotencyKey))).toHaveLength(1);
    expect(followups.find((f) => f.content.includes(reply.idempotencyKey))?.id).toBe(replyRow.glpiId);
  });

  it('answers a numbered ticket once even after a crash, and refuses another company’s ticket', async () => {
    const [target] = h.sim.state.tickets(entityId).filter((t) => t.is_deleted === 0);
    const ticketId = Number(target!.id);
    const reply = await queueReply({ companyId: company.id, userId: user.id, glpiTicketId: ticketId, content: 'Toujours en attente ?' });
    await expect(
      deliverOutboxEntry(reply.id, {
        afterGlpiWrite: () => {
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    startWorker();
    const row = await delivered(reply.id);
    const mine = (h.sim.state.tickets(entityId).find((t) => t.id === ticketId)!.followups as Array<{ id: number; content: string }>).filter(
      (f) => f.content.includes(reply.idempotencyKey),
    );
    expect(mine.map((f) => f.id)).toEqual([row.glpiId]);

    const other = h.sim.state.tickets().find((t) => t.entities_id !== entityId && t.entities_id !== 0)!;
    const intruding = await queueReply({ companyId: company.id, userId: user.id, glpiTicketId: Number(other.id), content: 'Pas à moi' });
    const failed = await waitFor(
      async () => {
        const r = await GlpiOutboxEntry.findByPk(intruding.id);
        return r?.state === 'failed' ? r : null;
      },
      { what: 'reply to another company’s ticket refused' },
    );
    expect(failed.lastError).toContain('not found in the company');
    expect(
      (h.sim.state.tickets().find((t) => t.id === other.id)!.followups as Array<{ content: string }>).some((f) =>
        f.content.includes(intruding.idempotencyKey),
      ),
    ).toBe(false);
  });

  it('re-queues rows whose job never reached Redis, and checks who writes', async () => {
    const entry = await queueTicket({
      companyId: company.id,
      userId: user.id,
      title: 'Sans job',
      content: 'Redis était tombé.',
      urgency: 2,
      type: 'request',
    });
    await getQueue('glpi-outbox').obliterate({ force: true }); // as if Redis had refused the job
    await sequelize.query('UPDATE glpi_outbox SET updated_at = NOW() - INTERVAL 2 MINUTE WHERE id = ?', { replacements: [entry.id] });
    expect(await requeuePendingOutbox()).toBeGreaterThanOrEqual(1);
    expect(await getQueue('glpi-outbox').getJob(outboxJobId(entry))).toBeTruthy();
    startWorker();
    await delivered(entry.id);

    const stranger = await createUser('client', (await createCompany()).id);
    await expect(
      queueTicket({ companyId: company.id, userId: stranger.id, title: 'x', content: 'y', urgency: 3, type: 'incident' }),
    ).rejects.toMatchObject({ name: 'AppError', code: 'NOT_FOUND' });
    const otherCompany = await createCompany();
    const otherUser = await createUser('client', otherCompany.id);
    await expect(
      queueReply({ companyId: otherCompany.id, userId: otherUser.id, outboxTicketId: entry.id, content: 'intrus' }),
    ).rejects.toMatchObject({ name: 'AppError', code: 'NOT_FOUND' });
  });
});
