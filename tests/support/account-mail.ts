import type { Job } from 'bullmq';
import { createMailTransport } from '../../server/mail/transport';
import { EmailLogEntry } from '../../server/db/models';
import { getQueue } from '../../server/jobs/queues';
import { startMailCatcher, type CaughtMessage, type MailCatcher } from '../../tools/mail-catcher/main';
import { accountRequestsProcessor } from '../../worker/jobs/account-requests';
import { sendMailProcessor } from '../../worker/jobs/send-mail';
import { onTestResourcesClosed } from './close-resources';

/**
 * The worker's half of the account mails, run here as the worker runs it: the registration and
 * reset requests waiting in the queue are decided, then the mails queued for an address are sent
 * over real SMTP to a mail catcher on loopback. The links are only in what is delivered: email_log
 * never holds them (issue 13, point 5), so this is how a test, like a person, gets one.
 */
let catcher: MailCatcher | undefined;

async function mailCatcher(): Promise<MailCatcher> {
  if (!catcher) {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    onTestResourcesClosed(async () => {
      await catcher?.close();
      catcher = undefined;
    });
  }
  return catcher;
}

/** Decides every waiting registration or reset request, as the worker's account-requests consumer. */
export async function runAccountRequests(): Promise<void> {
  const decide = accountRequestsProcessor();
  for (const job of await getQueue('account-requests').getJobs(['waiting', 'prioritized', 'delayed'])) {
    await decide(job);
    await job.remove();
  }
}

/** Runs the pending account requests, sends every mail queued for `to`, and returns all mails `to` received, newest first. */
export async function deliverAccountMail(to: string): Promise<CaughtMessage[]> {
  await runAccountRequests();
  const smtp = await mailCatcher();
  const send = sendMailProcessor(createMailTransport({ host: '127.0.0.1', port: smtp.smtpPort, ignoreTLS: true }));
  for (const entry of await EmailLogEntry.findAll({ where: { recipient: to, state: 'queued' }, order: [['id', 'ASC']] })) {
    await send({ data: { emailLogId: Number(entry.id) }, attemptsMade: 0, opts: { attempts: 1 } } as unknown as Job);
  }
  return smtp.messages().filter((m) => m.envelope.to.includes(to));
}

/** The token of the newest link to `path` (e.g. /reset-password/) mailed to `to`, or null when none was. */
export async function tokenMailedTo(to: string, path: string): Promise<string | null> {
  const links = (await deliverAccountMail(to)).flatMap((m) =>
    [...(m.html ?? '').matchAll(new RegExp(`href="[^"]*${path}([A-Za-z0-9_-]+)"`, 'g'))].map((r) => r[1]!),
  );
  return links[0] ?? null;
}
