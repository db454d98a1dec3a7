import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultPlatform, type FaultPlatform } from '../support/fault-harness';
import { logLines, type PlatformProcess } from '../support/platform-process';
import { waitFor } from '../support/wait-for';

// The mail relay refusing connections while the worker sends: every mail waits in email_log,
// each attempt is counted with its error and logged, and each is delivered exactly once later.
let p: FaultPlatform;
let worker: PlatformProcess;

beforeAll(async () => {
  p = await startFaultPlatform();
  worker = await p.startWorker();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('SMTP down', () => {
  it('keeps every mail, retries and logs each attempt, then delivers each exactly once when SMTP is back', async () => {
    await p.smtp.setMode('down');
    const entries = [];
    for (let i = 0; i < 6; i++) {
      const to = p.app.uniqueEmail('smtp-down');
      entries.push(
        i % 2
          ? await p.app.enqueueMail({
              to,
              template: 'welcome',
              locale: 'fr',
              params: { name: `Client ${i}`, portalUrl: `${p.appUrl}/portal` },
            })
          : await p.app.enqueueMail({
              to,
              template: 'account-exists',
              locale: 'fr',
              params: { name: `Client ${i}`, loginUrl: `${p.appUrl}/login`, resetUrl: `${p.appUrl}/forgot-password` },
            }),
      );
    }
    const ids = entries.map((entry) => entry.id);
    const rows = () => p.app.models.EmailLogEntry.findAll({ where: { id: ids }, order: [['id', 'ASC']] });

    const failing = await waitFor(
      async () => {
        const current = await rows();
        // An attempt is counted when it claims the mail; `queued` again: it failed and was settled.
        return current.every((row) => row.attempts >= 2 && row.state === 'queued') ? current : null;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'two failed attempts per mail' },
    );
    for (const row of failing) {
      expect(row.state).toBe('queued');
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.sentAt).toBeNull();
    }
    // The worker's log says which job failed and why, with the error's stack (JSON lines an operator can search).
    const failures = logLines(worker.output()).filter((line) => line.msg === 'job failed' && line.queue === 'mail');
    const errorOf = (line: { err?: unknown }) => (line.err ?? {}) as { message?: string; stack?: string };
    for (const row of failing) {
      expect(
        failures.some(
          (line) =>
            line.jobId === p.app.mailJobId(row) &&
            /ECONNREFUSED|connect/i.test(errorOf(line).message ?? '') &&
            /\n\s+at /.test(errorOf(line).stack ?? ''),
        ),
      ).toBe(true);
    }
    expect(p.catcher.messages()).toHaveLength(0);

    await p.smtp.setMode('pass');
    const sent = await waitFor(
      async () => {
        const current = await rows();
        return current.every((row) => row.state === 'sent') ? current : null;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'every mail sent once SMTP is back' },
    );
    for (const row of sent) {
      expect(row.attempts).toBeGreaterThanOrEqual(3);
      expect(row.lastError).toBeNull();
      expect(p.mailsTo(row.recipient).map((message) => message.subject)).toEqual([row.subject]);
    }
    expect(p.catcher.messages()).toHaveLength(ids.length);
    // The worker runs as shipped (its bundle): the build compiled the templates, mjml is never loaded.
    expect(logLines(worker.output()).filter((line) => line.msg === 'mail template compiled at run time')).toEqual([]);
  }, 120_000);
});
