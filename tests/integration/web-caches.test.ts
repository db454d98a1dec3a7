import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForUrl } from '../../scripts/stack/run-step';
import { Subscription } from '../../server/db/models';
import { notifyUsers } from '../../server/notifications/notify';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, fixturePassword } from '../support/fixtures';
import { freePort } from '../support/free-port';
import { httpSession, logInOverHttp } from '../support/http-session';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { ensureProductionBuild } from '../support/production-build';
import { subscribe } from './portal-support';

// Two web processes on one database and one Redis, as behind a load balancer. Each keeps sessions,
// subscriptions and unread counts in memory (docs/decisions/013-web-request-costs.md); a change made
// through the other process, or by any other process, must show within moments, far inside the
// caches' 60 s life. Not on the very next request: Redis answers the publisher before it writes the
// message to the subscribers, so on a loaded machine one request can reach the other process first
// (seen once in CI, 2026-12-06). `soon` polls for a second.
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 1_000, interval: 20 });
let webA: PlatformProcess;
let webB: PlatformProcess;
let urlA: string;
let urlB: string;

async function startWeb(name: string): Promise<{ process: PlatformProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // DATABASE_URL and REDIS_PREFIX are this vitest worker's (tests/support/test-env.ts).
  const started = startPlatformProcess(name, 'server/http/main.ts', {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    APP_URL: url,
  });
  await waitForUrl(`${url}/healthz`);
  return { process: started, url };
}

/** The HTTP refusal of a call over the wire (its error text), or null if it was allowed. */
async function httpRefusal(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

beforeAll(async () => {
  await seedCatalog();
  await ensureProductionBuild();
  [{ process: webA, url: urlA }, { process: webB, url: urlB }] = await Promise.all([startWeb('web A'), startWeb('web B')]);
}, 120_000);

afterAll(async () => {
  await Promise.all([webA?.kill('SIGTERM'), webB?.kill('SIGTERM')]);
  await closeTestResources();
});

describe('local caches of the web processes', () => {
  it('a deactivated employee is refused within moments by the other process, which had their session in memory', async () => {
    const admin = await createUser('admin');
    const commercial = await createUser('commercial');
    const onA = await logInOverHttp(urlA, commercial.email, fixturePassword);
    // Twice: the second call is answered from A's memory.
    for (let i = 0; i < 2; i += 1) expect(await onA.query('backoffice.today')).toBeTruthy();
    const adminOnB = await logInOverHttp(urlB, admin.email, fixturePassword);
    await adminOnB.mutate('admin.employees.deactivate', { userId: commercial.id });
    await soon(() => httpRefusal(onA.query('backoffice.today'))).toMatch(/HTTP 401/);
  });

  it('a role change and a new name show within moments in the other process', async () => {
    const admin = await createUser('admin');
    const commercial = await createUser('commercial');
    const onA = await logInOverHttp(urlA, commercial.email, fixturePassword);
    await onA.query('backoffice.today');
    expect(await httpRefusal(onA.query('admin.employees.list'))).toMatch(/HTTP 403/);
    const adminOnB = await logInOverHttp(urlB, admin.email, fixturePassword);
    await adminOnB.mutate('admin.employees.changeRole', { userId: commercial.id, role: 'admin' });
    await soon(() => httpRefusal(onA.query('admin.employees.list'))).toBeNull();

    const onB = httpSession(urlB, onA.cookie);
    await onB.mutate('profile.update', { firstName: 'Yasmine', lastName: 'Benali', phone: '0551234567' });
    await soon(() => onA.query('auth.me')).toMatchObject({ firstName: 'Yasmine', lastName: 'Benali', role: 'admin' });
  });

  it('log-out in one process ends the session in the other', async () => {
    const client = await createUser('client', (await createCompany()).id);
    const onA = await logInOverHttp(urlA, client.email, fixturePassword);
    expect(await onA.query('auth.me')).toMatchObject({ id: client.id });
    await httpSession(urlB, onA.cookie).mutate('auth.logout', null);
    await soon(() => onA.query('auth.me')).toBeNull();
  });

  it('a subscription that starts or ends, and a new notification, written by another process, show within moments', async () => {
    const company = await createCompany();
    const client = await createUser('client', company.id);
    const onA = await logInOverHttp(urlA, client.email, fixturePassword);
    expect(await httpRefusal(onA.query('portal.dashboard.get'))).toMatch(/HTTP 403/);
    expect(await onA.query('portal.header')).toEqual({ unread: 0, superClient: false });

    // This test process stands for the worker or another web process: it writes, the hooks publish.
    const subscription = await subscribe(company.id, 'support', 20);
    await soon(() => onA.query('portal.header')).toEqual({ unread: 0, superClient: true });
    expect(await httpRefusal(onA.query('portal.dashboard.get'))).toBeNull();

    await notifyUsers({ userIds: [client.id], kind: 'ticketAnswered', params: { number: 7 } });
    await soon(() => onA.query('portal.header')).toEqual({ unread: 1, superClient: true });

    await Subscription.update({ endAt: new Date(Date.now() - 1000) }, { where: { id: subscription.id } });
    await soon(() => onA.query('portal.header')).toEqual({ unread: 1, superClient: false });
    expect(await httpRefusal(onA.query('portal.dashboard.get'))).toMatch(/HTTP 403/);
  });
});
