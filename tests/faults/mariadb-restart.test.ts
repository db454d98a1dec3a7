import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowsedPlatform, type FaultPlatform } from '../support/fault-harness';
import { logInOverHttp, type HttpSession } from '../support/http-session';
import type { PlatformProcess } from '../support/platform-process';
import { waitFor } from '../support/wait-for';

// MariaDB (private) stopped under a browsing user, then started again: every page that needs the
// database says, in French and with a 503, that the service is momentarily unavailable; pages whose
// data the web process may hold in memory (the session, the header's badge: docs/decisions/013) are
// served or get that same page; web and worker are not restarted and serve again by themselves once
// the database is back.
let p: FaultPlatform;
let web: PlatformProcess;
let worker: PlatformProcess;
let browser: HttpSession;
let email: string;

const databasePages = ['/services', '/faq', '/portal/tickets'];
const memoryPages = ['/', '/login'];
const pages = [...databasePages, ...memoryPages, '/portal/dashboard'];

async function statuses(session: HttpSession) {
  return Object.fromEntries(await Promise.all(pages.map(async (path) => [path, (await session.get(path)).status] as const)));
}

beforeAll(async () => {
  ({ p, web, worker, browser, email } = await startBrowsedPlatform({ privateMariadb: true }));
}, 180_000);

afterAll(async () => {
  await p?.close();
});

describe('MariaDB restarted', () => {
  it('answers a clear 503 page in French during the outage and recovers without restarting web or worker', async () => {
    expect(Object.values(await statuses(browser)).every((status) => status < 400)).toBe(true);

    await p.mariadb!.stop();
    const expectUnavailablePage = async (path: string, response: Response) => {
      expect(response.status, path).toBe(503);
      const html = await response.text();
      expect(html, path).toContain('<html lang="fr"');
      expect(html, path).toContain('Service momentanément indisponible');
      expect(html, path).toContain('Réessayez dans un instant');
    };
    for (const path of databasePages) await expectUnavailablePage(path, await browser.get(path));
    // Served from memory when this web process already holds the session and the badge, else the same 503 page.
    for (const path of memoryPages) {
      const response = await browser.get(path);
      if (response.status >= 400) await expectUnavailablePage(path, response);
    }
    const health = await fetch(`${p.appUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'down', redis: 'ok' });

    await p.mariadb!.start();
    await waitFor(async () => (await fetch(`${p.appUrl}/healthz`)).status === 200, {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'health back',
    });
    // The session opened before the outage is still valid; a new log-in works too.
    await waitFor(async () => Object.values(await statuses(browser)).every((status) => status < 400), {
      timeoutMs: 30_000,
      intervalMs: 500,
      what: 'pages back',
    });
    const again = await logInOverHttp(p.appUrl, email, p.app.fixturePassword);
    expect((await again.get('/portal/dashboard')).status).toBe(200);

    // The worker reconnects too: a mail written now is sent, once.
    const to = p.app.uniqueEmail('after-mariadb');
    const entry = await p.app.enqueueMail({
      to,
      template: 'welcome',
      locale: 'fr',
      params: { name: 'Après', portalUrl: `${p.appUrl}/portal` },
    });
    await waitFor(async () => (await p.app.models.EmailLogEntry.findByPk(entry.id))?.state === 'sent', {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'the mail sent',
    });
    expect(p.mailsTo(to)).toHaveLength(1);
    expect(web.exit).toBeNull();
    expect(worker.exit).toBeNull();
  }, 150_000);
});
