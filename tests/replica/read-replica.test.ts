import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowsedPlatform, type FaultPlatform } from '../support/fault-harness';
import { freePort } from '../support/free-port';
import { logInOverHttp, type HttpSession } from '../support/http-session';
import type { PlatformProcess } from '../support/platform-process';
import type { ReplicaPair } from '../support/replica-pair';
import { waitFor } from '../support/wait-for';

// The web process against a real MariaDB primary and its replica (binary-log replication, both
// private): which server answers is read from the servers themselves — the replica's own SELECT
// counter, and data that only one of them holds while the replica is frozen.
const maxLagSeconds = 8;
let p: FaultPlatform;
let web: PlatformProcess;
let webB: PlatformProcess;
let worker: PlatformProcess;
/** A second web process on the same stores, as behind the load balancer. */
let urlB: string;
let browser: HttpSession;
let pair: ReplicaPair;

type Health = { status: string; replicas: Array<{ state: string; lagSeconds: number | null }> };
const health = async (url = p.appUrl) => (await (await fetch(`${url}/healthz`)).json()) as Health;
/** The replica's state as both web processes see it (each watches it on its own): `mixed` until they agree. */
const replicaState = async () => {
  const states = await Promise.all([p.appUrl, urlB].map(async (url) => (await health(url)).replicas[0]?.state));
  return states.every((state) => state === states[0]) ? states[0] : 'mixed';
};
/** A second replica URL on which nothing answers: it must be set aside, never cost a request. */
let deadReplicaPort: number;

type Profile = { firstName: string };
type Envelope = { result?: { data?: { json?: unknown } } };

/** profile.get with exactly the cookies given: the session alone, or with the read-your-writes cookie. */
async function profileWith(cookie: string, appUrl = p.appUrl): Promise<Profile> {
  const response = await fetch(`${appUrl}/api/trpc/profile.get`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as Envelope).result!.data!.json as Profile;
}

async function renameWith(cookie: string, firstName: string): Promise<string[]> {
  const response = await fetch(`${p.appUrl}/api/trpc/profile.update`, {
    method: 'POST',
    headers: { cookie, origin: p.appUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ json: { firstName, lastName: 'Test', phone: '+213551000000' } }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

async function selectsOnReplicaDuring(work: () => Promise<unknown>): Promise<number> {
  const before = await pair.replicaSelects();
  await work();
  return (await pair.replicaSelects()) - before;
}

// The ticket list reads MySQL on every request (the dashboard's figures mostly come from Redis).
const ticketLists = (count: number) => async () => {
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${i % 2 === 0 ? p.appUrl : urlB}/portal/tickets`, {
      headers: { cookie: browser.cookie },
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  }
};

beforeAll(async () => {
  deadReplicaPort = await freePort();
  ({ p, web, worker, browser } = await startBrowsedPlatform({
    replica: true,
    extraReplicaUrls: [`mysql://root@127.0.0.1:${deadReplicaPort}/nowhere`],
    env: { REPLICA_MAX_LAG_SECONDS: String(maxLagSeconds), REPLICA_CHECK_INTERVAL_MS: '500' },
  }));
  pair = p.replicaPair!;
  const portB = await freePort();
  webB = await p.startWeb(portB);
  urlB = `http://127.0.0.1:${portB}`;
  await waitFor(async () => (await replicaState()) === 'ok', { timeoutMs: 30_000, intervalMs: 200, what: 'the replica in service' }).catch(
    async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await health())}\n${web.output().slice(-3000)}`);
    },
  );
}, 240_000);

afterAll(async () => {
  await p?.close();
});

describe('reads on a MariaDB replica', () => {
  it('serves portal pages from the replica, counted by the replica itself', async () => {
    // At least one SELECT per page on the replica; the monitor's own (one per 500 ms tick) are far fewer.
    const selects = await selectsOnReplicaDuring(ticketLists(20));
    expect(selects).toBeGreaterThanOrEqual(20);
    expect((await health()).replicas).toEqual([
      { state: 'ok', lagSeconds: expect.any(Number) },
      { state: 'down', lagSeconds: null },
    ]);

    // The back office's platform page shows the replica, its state and its lag.
    const admin = await logInOverHttp(p.appUrl, (await p.app.createUser('admin')).email, p.app.fixturePassword);
    expect(await admin.query('admin.health.database')).toMatchObject({
      replicasConfigured: true,
      maxLagSeconds,
      replicas: [
        {
          name: `127.0.0.1:${pair.replica.port}/${new URL(p.env.DATABASE_URL!).pathname.slice(1)}`,
          state: 'ok',
          inService: true,
          error: null,
        },
        {
          name: `127.0.0.1:${deadReplicaPort}/nowhere`,
          state: 'down',
          inService: false,
          lagSeconds: null,
          error: expect.stringContaining('ECONNREFUSED'),
        },
      ],
    });
    const page = await admin.get('/backoffice/admin/queues');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Base de données : réplicas de lecture');
    expect(html).toContain('En service');
  });

  it('shows a user their own write at once while the replica has not applied it', async () => {
    await pair.freeze();
    try {
      const before = await profileWith(browser.cookie);
      const cookies = await renameWith(browser.cookie, 'Renommé');
      const sticky = cookies.find((c) => c.startsWith('ytech_reads='));
      expect(sticky).toBe('ytech_reads=primary');
      // The writer's next requests read the primary, whichever web process answers...
      expect((await profileWith(`${browser.cookie}; ${sticky}`)).firstName).toBe('Renommé');
      expect((await profileWith(`${browser.cookie}; ${sticky}`, urlB)).firstName).toBe('Renommé');
      // ...while a read without that cookie is still served by the frozen replica: it is really in use.
      expect((await profileWith(browser.cookie)).firstName).toBe(before.firstName);
      expect((await profileWith(browser.cookie, urlB)).firstName).toBe(before.firstName);
      expect(await replicaState()).toBe('ok');
    } finally {
      await pair.thaw();
    }
    await pair.caughtUp();
    await waitFor(async () => (await profileWith(browser.cookie)).firstName === 'Renommé', {
      timeoutMs: 10_000,
      intervalMs: 200,
      what: 'the replica has the rename',
    });
  });

  it('sends reads to the primary while the replica lags past the threshold, and back once it catches up', async () => {
    await pair.freeze();
    try {
      await renameWith(browser.cookie, 'Retardé');
      await waitFor(async () => (await replicaState()) === 'lagging', {
        timeoutMs: (maxLagSeconds + 10) * 1000,
        intervalMs: 250,
        what: 'the replica taken out for lag',
      });
      // No read-your-writes cookie: the primary answers because the replica is out.
      expect((await profileWith(browser.cookie)).firstName).toBe('Retardé');
      const selects = await selectsOnReplicaDuring(ticketLists(20));
      expect(selects).toBeLessThan(20);
    } finally {
      await pair.thaw();
    }
    await waitFor(async () => (await replicaState()) === 'ok', { timeoutMs: 20_000, intervalMs: 250, what: 'the replica back in service' });
    expect(await selectsOnReplicaDuring(ticketLists(20))).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('loses no request when the replica stops mid-load, and takes it back once it returns', async () => {
    const statuses: number[] = [];
    let running = true;
    const load = Array.from({ length: 4 }, async (_, i) => {
      while (running) {
        const response =
          i % 2 === 0
            ? await browser.get(i === 0 ? '/portal/tickets' : '/portal/dashboard')
            : await fetch(`${p.appUrl}/api/trpc/profile.get`, { headers: { cookie: browser.cookie } });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const beforeStop = statuses.length;
    await pair.replica.stop();
    await waitFor(async () => (await replicaState()) === 'down', { timeoutMs: 10_000, intervalMs: 200, what: 'the replica taken out' });
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await Promise.all(load);
    expect(statuses.length).toBeGreaterThan(beforeStop);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    await pair.replica.start();
    await waitFor(async () => (await replicaState()) === 'ok', { timeoutMs: 30_000, intervalMs: 250, what: 'the replica back by itself' });
    expect(await selectsOnReplicaDuring(ticketLists(20))).toBeGreaterThanOrEqual(20);
    expect(web.exit).toBeNull();
    expect(webB.exit).toBeNull();
  }, 90_000);

  it('sends each mail once with two workers on the pair', async () => {
    const second = await p.startWorker();
    const recipients = Array.from({ length: 30 }, (_, i) => p.app.uniqueEmail(`pair-${i}`));
    const entries = await Promise.all(
      recipients.map((to, i) =>
        p.app.enqueueMail({ to, template: 'welcome', locale: 'fr', params: { name: `Client ${i}`, portalUrl: `${p.appUrl}/portal` } }),
      ),
    );
    const sent = async () =>
      (await p.app.models.EmailLogEntry.count({ where: { id: entries.map((e) => e.id), state: 'sent' } })) === entries.length;
    await waitFor(sent, { timeoutMs: 60_000, intervalMs: 250, what: 'every mail sent' });
    expect(recipients.map((to) => p.mailsTo(to).length)).toEqual(recipients.map(() => 1));
    expect(worker.exit).toBeNull();
    expect(second.exit).toBeNull();
  }, 90_000);
});
