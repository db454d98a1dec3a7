import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowsedPlatform, type FaultPlatform } from '../support/fault-harness';
import { logInOverHttp, type HttpSession } from '../support/http-session';
import { logLines, type PlatformProcess } from '../support/platform-process';
import { waitFor } from '../support/wait-for';

// Redis (private, without persistence) restarted under a browsing user and running jobs: it comes
// back EMPTY — queued jobs and job schedulers gone. MySQL holds the truth, so pages that only
// read MySQL keep answering, the others come back with Redis, and no mail is lost or doubled.
let p: FaultPlatform;
let web: PlatformProcess;
let worker: PlatformProcess;
let browser: HttpSession;
let email: string;

const pagesWithoutRedis = ['/', '/services', '/faq', '/portal/dashboard', '/portal/tickets'];

async function statuses(paths: string[]) {
  return Object.fromEntries(await Promise.all(paths.map(async (path) => [path, (await browser.get(path)).status] as const)));
}

beforeAll(async () => {
  ({ p, web, worker, browser, email } = await startBrowsedPlatform({ privateRedis: true }));
}, 180_000);

afterAll(async () => {
  await p?.close();
});

describe('Redis restarted', () => {
  it('keeps the MySQL-only pages answering, brings the others back, and delivers every mail queued around the restart once', async () => {
    const allOk = Object.fromEntries(pagesWithoutRedis.map((path) => [path, 200]));
    expect(await statuses(pagesWithoutRedis)).toEqual(allOk);

    // A mail in the worker's hands (SMTP not answering yet) and one waiting behind it.
    await p.smtp.setMode('hold');
    const before = [
      await p.app.enqueueMail({
        to: p.app.uniqueEmail('before-restart'),
        template: 'welcome',
        locale: 'fr',
        params: { name: 'Avant', portalUrl: `${p.appUrl}/portal` },
      }),
      await p.app.enqueueMail({
        to: p.app.uniqueEmail('before-restart'),
        template: 'welcome',
        locale: 'fr',
        params: { name: 'Avant 2', portalUrl: `${p.appUrl}/portal` },
      }),
    ];
    await waitFor(async () => p.smtp.accepted() >= 1, { timeoutMs: 20_000, what: 'the worker sending' });

    await p.redis!.stop();
    expect(await statuses(pagesWithoutRedis)).toEqual(allOk);
    // Log-in counts attempts in Redis: refused for now, with "unavailable" rather than a crash.
    await expect(logInOverHttp(p.appUrl, email, p.app.fixturePassword)).rejects.toThrow(/HTTP 5\d\d/);
    const health = await fetch(`${p.appUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'ok', redis: 'down' });
    // Written while Redis is down: the row is kept, its job could not be queued.
    const during = await p.app.enqueueMail({
      to: p.app.uniqueEmail('during-outage'),
      template: 'welcome',
      locale: 'fr',
      params: { name: 'Pendant', portalUrl: `${p.appUrl}/portal` },
    });

    await p.redis!.start();
    await p.smtp.setMode('pass');
    await waitFor(async () => (await fetch(`${p.appUrl}/healthz`)).status === 200, {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'health back',
    });
    const again = await waitFor(() => logInOverHttp(p.appUrl, email, p.app.fixturePassword).catch(() => null), {
      timeoutMs: 30_000,
      intervalMs: 500,
      what: 'log-in back',
    });
    expect((await again.get('/portal/dashboard')).status).toBe(200);
    expect(await statuses(pagesWithoutRedis)).toEqual(allOk);

    const ids = [...before, during].map((entry) => entry.id);
    const sent = await waitFor(
      async () => {
        const rows = await p.app.models.EmailLogEntry.findAll({ where: { id: ids } });
        return rows.every((row) => row.state === 'sent') ? rows : null;
      },
      {
        // A mail whose attempt failed while its job was lost with Redis' data is queued again by the
        // stale-mail sweep (every minute, rows queued for two minutes): up to three minutes.
        timeoutMs: 200_000,
        intervalMs: 250,
        what: 'every mail sent after the restart',
        explain: async () =>
          JSON.stringify({
            mails: (await p.app.models.EmailLogEntry.findAll({ where: { id: ids } })).map((row) => ({
              id: row.id,
              state: row.state,
              attempts: row.attempts,
              lastError: row.lastError,
              updatedAt: row.updatedAt,
            })),
            workerWarnings: logLines(worker.output())
              .filter((line) => Number(line.level) >= 40)
              .slice(-15)
              .map((line) => [line.time, line.msg, (line.err as { message?: string } | undefined)?.message ?? line.err]),
          }),
      },
    );
    for (const row of sent) expect(p.mailsTo(row.recipient), row.recipient).toHaveLength(1);
    expect(web.exit).toBeNull();
    expect(worker.exit).toBeNull();
  }, 330_000);
});
