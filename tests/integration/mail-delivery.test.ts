import { Worker } from 'bullmq';
import { createMailTransport } from '../../server/mail/transport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailLogEntry } from '../../server/db/models';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { enqueueMail, mailJobId } from '../../server/mail/enqueue-mail';
import { startMailCatcher, type MailCatcher } from '../../tools/mail-catcher/main';
import { sendMailProcessor } from '../../worker/jobs/send-mail';
import { closeTestResources } from '../support/close-resources';
import { createUser } from '../support/fixtures';
import { uniqueEmail } from '../support/trpc-caller';
import { waitFor } from '../support/wait-for';

// Real SMTP on loopback, real Redis queue, real database: the whole mail path but the relay.
let catcher: MailCatcher;
let worker: Worker;
let smtpPort: number;

function startWorker(port: number) {
  const transport = createMailTransport({ host: '127.0.0.1', port, ignoreTLS: true, connectionTimeout: 1000 });
  return new Worker('mail', sendMailProcessor(transport), {
    connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
    prefix: queuePrefix,
  });
}

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  smtpPort = catcher.smtpPort;
  await getQueue('mail').obliterate({ force: true });
});

afterAll(async () => {
  await worker?.close();
  await catcher.close();
  await closeTestResources();
});

describe('mail queue', () => {
  it('delivers a French MJML mail over SMTP and logs it as sent', async () => {
    worker = startWorker(smtpPort);
    const to = uniqueEmail('welcome');
    const entry = await enqueueMail({
      to,
      template: 'welcome',
      locale: 'fr',
      params: { name: 'Amina <b>&', portalUrl: 'http://localhost:3000/portal' },
    });
    const sent = await waitFor(
      async () => {
        const row = await EmailLogEntry.findByPk(entry.id);
        return row?.state === 'sent' ? row : null;
      },
      { what: 'mail sent' },
    );
    expect(sent.attempts).toBe(1);
    expect(sent.subject).toBe('Bienvenue chez Y-tech');
    const message = catcher.messages().find((m) => m.envelope.to.includes(to));
    expect(message?.subject).toBe('Bienvenue chez Y-tech');
    expect(message?.html).toContain('Bonjour Amina &lt;b&gt;&amp;,'); // parameters are escaped, never injected
    expect(message?.html).toContain('href="http://localhost:3000/portal"');
    expect(message?.text).toContain('Bonjour Amina');
    await worker.close();
  });

  it('keeps a mail queued while SMTP is down, counts attempts and errors, then delivers it once', async () => {
    const user = await createUser('client');
    const to = user.email;
    const entry = await enqueueMail({ to, template: 'password-reset', locale: 'en', params: { name: 'Sam', userId: user.id } });
    // Speed up the back-off for the test: same job id, so the queued job is replaced, not doubled.
    const queue = getQueue('mail');
    await (await queue.getJob(mailJobId(entry)))?.remove();
    await queue.add('mail', { emailLogId: entry.id }, { jobId: mailJobId(entry), attempts: 10, backoff: { type: 'fixed', delay: 300 } });
    worker = startWorker(smtpPort + 1); // nothing listens there: the relay is down

    const failing = await waitFor(
      async () => {
        const row = await EmailLogEntry.findByPk(entry.id);
        // An attempt is counted when it claims the mail; `queued` again: it failed and was settled.
        return row && row.attempts >= 2 && row.state === 'queued' ? row : null;
      },
      { what: 'two failed attempts' },
    );
    expect(failing.state).toBe('queued');
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);

    await worker.close();
    worker = startWorker(smtpPort); // the relay is back
    const sent = await waitFor(
      async () => {
        const row = await EmailLogEntry.findByPk(entry.id);
        return row?.state === 'sent' ? row : null;
      },
      { what: 'mail sent after SMTP came back' },
    );
    expect(sent.lastError).toBeNull();
    expect(catcher.messages().filter((m) => m.envelope.to.includes(to))).toHaveLength(1);
    const delivered = catcher.messages().find((m) => m.envelope.to.includes(to));
    expect(delivered?.subject).toBe('Resetting your password');
    // Its link was made when it was sent: in the mail, never in email_log.
    expect(delivered?.html).toMatch(/href="http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}"/);
    expect(JSON.stringify((await EmailLogEntry.findByPk(entry.id))!.params)).not.toContain('reset-password');
  });
});
