import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultPlatform, type FaultPlatform } from '../support/fault-harness';
import {
  expectConverged,
  expectDeliveredOnce,
  glpiTicketsCarrying,
  provisionedEntity,
  subscribedClient,
  technicianChanges,
} from '../support/fault-glpi';
import { freePort } from '../support/free-port';
import { logInOverHttp, type HttpSession } from '../support/http-session';
import type { PlatformProcess } from '../support/platform-process';
import { waitFor } from '../support/wait-for';

// The topology the README tells operators to run: two web processes and two workers on a MariaDB
// primary with its replica (private, binary-log replication), one Redis, GLPI (the simulator) and
// a mail relay (the catcher) behind fault proxies. One worker is killed with SIGKILL in the middle
// of each kind of work and not restarted: the other one finishes it, and nothing is done twice —
// counted where it lands (the catcher's messages, the simulator's tickets), not in our own tables.
let p: FaultPlatform;
let webs: PlatformProcess[];
let workers: PlatformProcess[] = [];
let urls: string[];
let browser: HttpSession;
let companyId: number;
let entityId: number;
let client: Awaited<ReturnType<typeof subscribedClient>>;

type Health = { replicas: Array<{ state: string }> };
const replicaState = async () => ((await (await fetch(`${p.appUrl}/healthz`)).json()) as Health).replicas[0]?.state;

async function killWorker(worker: PlatformProcess) {
  const exit = await worker.kill('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  workers = workers.filter((w) => w !== worker);
}

/** The name a worker process gives itself on the jobs it takes (worker-config.ts). */
const workerName = (worker: PlatformProcess) => `${hostname()}:${worker.pid}`;

async function twoWorkers() {
  while (workers.length < 2) workers.push(await p.startWorker());
}

beforeAll(async () => {
  p = await startFaultPlatform({
    replica: true,
    glpi: { seed: { seed: 47, entities: 0, namedEntities: ['Tassili Logistique SARL'], assets: 400, tickets: 60 } },
    env: {
      SYNC_TICKETS_EVERY_SECONDS: '3',
      SYNC_ASSETS_EVERY_MINUTES: '0.05',
      REPLICA_MAX_LAG_SECONDS: '8',
      REPLICA_CHECK_INTERVAL_MS: '500',
    },
  });
  client = await subscribedClient(p.app, 'Tassili Logistique SARL');
  companyId = client.company.id;
  const portB = await freePort();
  webs = [await p.startWeb(), await p.startWeb(portB)];
  urls = [p.appUrl, `http://127.0.0.1:${portB}`];
  await waitFor(async () => (await replicaState()) === 'ok', { timeoutMs: 30_000, intervalMs: 200, what: 'the replica in service' });
  browser = await logInOverHttp(p.appUrl, client.user.email, p.app.fixturePassword);
}, 240_000);

afterAll(async () => {
  await p?.close();
});

describe('two web processes and two workers on a primary and its replica', () => {
  it('a worker killed mid-sync: the other finishes the jobs it held, and the cache converges to GLPI, every row once', async () => {
    await twoWorkers();
    entityId = await provisionedEntity(p.app, companyId);
    await expectConverged(p.app, p.sim!, entityId);
    // Technicians change things in a slow GLPI: the next cycle of the company takes a while.
    p.sim!.state.setKnobs({ latencyMs: 400 });
    technicianChanges(p.sim!, entityId, 'scale-out');
    const queue = p.app.getQueue('glpi-sync');
    const running = await waitFor(
      async () => {
        const active = (await queue.getActive()).filter(
          (job) => (job.data as { companyId?: number }).companyId === companyId && job.processedBy,
        );
        return active.length > 0 ? active : null;
      },
      { timeoutMs: 30_000, intervalMs: 25, what: 'a sync of the company running' },
    );
    // The worker that holds it (BullMQ names the holder on the job) is the one killed.
    const holder = workers.find((worker) => running[0]!.processedBy === workerName(worker))!;
    const interrupted = running.filter((job) => job.processedBy === workerName(holder)).map((job) => job.id!);
    await killWorker(holder);
    expect(await p.app.cacheSnapshot(entityId), 'the kill landed before the changes were in the cache').not.toEqual(
      p.app.glpiSnapshot(p.sim!, entityId),
    );

    p.sim!.state.setKnobs({ latencyMs: 0 });
    const survivor = workerName(workers[0]!);
    // No job lost: each one the dead worker held is handed to the other once its lock expires, and completes there.
    await waitFor(
      async () => {
        const jobs = await Promise.all(interrupted.map((id) => queue.getJob(id)));
        const states = await Promise.all(jobs.map((job) => job?.getState()));
        return jobs.every((job, i) => job?.processedBy === survivor && states[i] === 'completed');
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the interrupted sync jobs completed by the other worker' },
    );
    await expectConverged(p.app, p.sim!, entityId);
  }, 180_000);

  it('a worker killed while the relay held its mails: each mail reaches the relay once; those it may have sent are left to staff', async () => {
    await twoWorkers();
    // The relay receives each message but its answer is held back: every worker waits in the one
    // window where a kill used to send a mail twice (accepted, not yet recorded).
    await p.smtp.setMode('hold-answers', /^From: /);
    const recipients = Array.from({ length: 16 }, (_, i) => p.app.uniqueEmail(`scale-${i}`));
    const entries = await Promise.all(
      recipients.map((to, i) =>
        p.app.enqueueMail({ to, template: 'welcome', locale: 'fr', params: { name: `Client ${i}`, portalUrl: `${p.appUrl}/portal` } }),
      ),
    );
    // Four mails at a time per worker: eight messages in the relay means both workers are in the window.
    await waitFor(async () => p.catcher.messages().filter((m) => recipients.includes(m.envelope.to[0]!)).length >= 8, {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'both workers waiting for the relay’s answers',
    });
    await killWorker(workers[0]!);
    await p.smtp.setMode('pass');

    const rows = () => p.app.models.EmailLogEntry.findAll({ where: { id: entries.map((e) => e.id) } });
    const settled = await waitFor(
      async () => {
        const current = await rows();
        return current.every((row) => row.state === 'sent' || row.state === 'uncertain') ? current : null;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'every mail sent, or marked uncertain' },
    );
    expect(
      recipients.map((to) => p.mailsTo(to).length),
      'mails received per recipient',
    ).toEqual(recipients.map(() => 1));
    const uncertain = settled.filter((row) => row.state === 'uncertain');
    expect(uncertain.length, 'the kill landed while the killed worker waited for the relay').toBeGreaterThan(0);
    for (const row of settled) {
      // The relay holds the very message the row names: "maybe sent" was a yes, and is checkable.
      expect(p.mailsTo(row.recipient)[0]!.messageId, row.recipient).toBe(row.messageId);
    }
    for (const row of uncertain) expect(row.lastError).toContain(row.messageId!);
  }, 150_000);

  it('a worker killed after GLPI created its tickets and before it heard back: each ticket exists once in GLPI', async () => {
    await twoWorkers();
    await p.glpi!.setMode('hold-answers', /^POST \/apirest\.php\/Ticket[/ ]/);
    const entries: Array<Awaited<ReturnType<FaultPlatform['app']['queueTicket']>>> = [];
    for (const title of ['Imprimante hors ligne', 'VPN coupé', 'Écran noir', 'Messagerie lente', 'Badge perdu', 'Wi-Fi instable']) {
      entries.push(
        await p.app.queueTicket({ companyId, userId: client.user.id, title, content: `${title}.`, urgency: 3, type: 'incident' }),
      );
    }
    // Two deliveries at a time per worker: four tickets created means both workers wait for GLPI.
    const created = () => entries.filter((e) => glpiTicketsCarrying(p.sim!, entityId, e.idempotencyKey).length > 0).length;
    await waitFor(async () => created() >= 4, { timeoutMs: 30_000, intervalMs: 50, what: 'both workers waiting for GLPI’s answers' });
    await killWorker(workers[0]!);
    await p.glpi!.setMode('pass');

    await expectDeliveredOnce(
      p.app,
      p.sim!,
      entityId,
      entries.map((e) => e.id),
    );
    const rows = await p.app.models.GlpiOutboxEntry.findAll({ where: { id: entries.map((e) => e.id) } });
    // A row the killed worker held was taken up again by the other one, which found the ticket.
    expect(rows.filter((row) => row.attempts >= 2).length, 'the kill landed on a delivery in flight').toBeGreaterThan(0);
  }, 150_000);

  it('the replica stopped under load on both web processes: no request lost, and it is taken back by itself', async () => {
    await twoWorkers();
    const statuses: number[] = [];
    let running = true;
    const load = Array.from({ length: 4 }, async (_, i) => {
      const url = urls[i % 2]!;
      while (running) {
        const response = await fetch(`${url}${i < 2 ? '/portal/tickets' : '/portal/dashboard'}`, {
          headers: { cookie: browser.cookie },
          redirect: 'manual',
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    });
    await waitFor(async () => statuses.length >= 8, { timeoutMs: 30_000, intervalMs: 50, what: 'load on both web processes' });
    const beforeStop = statuses.length;
    await p.replicaPair!.replica.stop();
    await waitFor(async () => (await replicaState()) === 'down', { timeoutMs: 10_000, intervalMs: 200, what: 'the replica taken out' });
    const whileDown = statuses.length;
    await waitFor(async () => statuses.length >= whileDown + 8, {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'requests served without the replica',
    });
    running = false;
    await Promise.all(load);
    expect(statuses.length).toBeGreaterThan(beforeStop);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    await p.replicaPair!.replica.start();
    await waitFor(async () => (await replicaState()) === 'ok', { timeoutMs: 30_000, intervalMs: 250, what: 'the replica back by itself' });
    for (const web of webs) expect(web.exit).toBeNull();
    for (const worker of workers) expect(worker.exit).toBeNull();
  }, 120_000);
});
