import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailLogEntry } from '../../server/db/models';
import { getQueue } from '../../server/jobs/queues';
import { enqueueMail, mailJobId } from '../../server/mail/enqueue-mail';
import { createMailTransport } from '../../server/mail/transport';
import { startMailCatcher, type MailCatcher } from '../../tools/mail-catcher/main';
import { requeueStaleMail } from '../../worker/jobs/requeue-stale-mail';
import { sendMailProcessor } from '../../worker/jobs/send-mail';
import { resendEmail } from '../../server/admin/emails/email-log';
import { closeTestResources } from '../support/close-resources';
import { createUser } from '../support/fixtures';
import { startFaultProxy, type FaultProxy } from '../support/tcp-fault-proxy';
import { uniqueEmail } from '../support/trpc-caller';
import { waitFor } from '../support/wait-for';

// Two workers holding one mail, as when BullMQ hands a job on after its lock expired: the first
// worker died (or stalled) at a chosen point of the SMTP conversation, the second runs the same job.
let catcher: MailCatcher;
let relay: FaultProxy;

const jobFor = (entry: EmailLogEntry) =>
  ({ id: mailJobId(entry), data: { emailLogId: Number(entry.id) }, attemptsMade: 0, opts: { attempts: 8 } }) as unknown as Job;
const row = async (entry: EmailLogEntry) => (await EmailLogEntry.findByPk(entry.id))!;
const received = (to: string) => catcher.messages().filter((m) => m.envelope.to.includes(to));
const welcome = (to: string) =>
  enqueueMail({ to, template: 'welcome', locale: 'fr', params: { name: 'Lina', portalUrl: 'http://localhost:3000/portal' } });
const direct = () => createMailTransport({ host: '127.0.0.1', port: catcher.smtpPort, ignoreTLS: true });

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  relay = await startFaultProxy({ host: '127.0.0.1', port: catcher.smtpPort });
});

afterAll(async () => {
  await relay.close();
  await catcher.close();
  await closeTestResources();
});

describe('a mail held by two workers', () => {
  it('is not sent again when the first worker died after the server accepted it: it is marked uncertain for staff', async () => {
    const to = uniqueEmail('accepted-then-died');
    const entry = await welcome(to);
    // The first worker "dies" where it hurts: the server has the mail, the row does not say so yet.
    let died!: () => void;
    const dead = new Promise<void>((resolve) => {
      died = resolve;
    });
    const first = sendMailProcessor(direct(), {
      afterAccepted: () => {
        died();
        return new Promise<void>(() => undefined);
      },
    });
    void first(jobFor(entry));
    await dead;
    expect(received(to)).toHaveLength(1);
    const left = await row(entry);
    expect(left.state).toBe('sending');
    expect(left.messageStartedAt).not.toBeNull();
    expect(received(to)[0]!.messageId).toBe(left.messageId);

    await sendMailProcessor(direct())(jobFor(entry));
    expect(received(to), 'the second worker sent it again').toHaveLength(1);
    const settled = await row(entry);
    expect(settled.state).toBe('uncertain');
    expect(settled.lastError).toContain(left.messageId!);
    // A further replay (the sweep, another retry) leaves it to staff too.
    await sendMailProcessor(direct())(jobFor(entry));
    expect(received(to)).toHaveLength(1);

    // Staff decide to send it again (it was not in the relay's log, say): it goes, under a new Message-ID.
    const admin = await createUser('admin');
    const { jobId } = await resendEmail({ userId: admin.id, ip: null }, entry.id);
    const resend = (await getQueue('mail').getJob(jobId))!;
    await sendMailProcessor(direct())(resend);
    expect(received(to)).toHaveLength(2);
    const resent = await row(entry);
    expect(resent.state).toBe('sent');
    expect(resent.messageId).not.toBe(left.messageId);
  });

  it('is never queued again once the server accepted it, even when recording that fails', async () => {
    const to = uniqueEmail('accepted-not-recorded');
    const entry = await welcome(to);
    const failing = sendMailProcessor(direct(), {
      afterAccepted: () => {
        throw new Error('database gone');
      },
    });
    await expect(failing(jobFor(entry))).rejects.toThrow('database gone');
    expect((await row(entry)).state).toBe('sending');
    // BullMQ retries the job: the replay sends nothing.
    await sendMailProcessor(direct())(jobFor(entry));
    expect(received(to)).toHaveLength(1);
    expect((await row(entry)).state).toBe('uncertain');
  });

  it('logs in to a relay that asks for credentials', async () => {
    const to = uniqueEmail('with-auth');
    const entry = await welcome(to);
    await sendMailProcessor(
      createMailTransport({ host: '127.0.0.1', port: catcher.smtpPort, ignoreTLS: true, auth: { user: 'ytech', pass: 'secret' } }),
    )(jobFor(entry));
    expect(received(to)).toHaveLength(1);
    expect((await row(entry)).state).toBe('sent');
  });

  it('cannot be resent by staff while a worker holds it', async () => {
    const entry = await welcome(uniqueEmail('held'));
    await EmailLogEntry.update(
      { state: 'sending', claimToken: '00000000-0000-4000-8000-000000000002', claimedAt: new Date() },
      { where: { id: entry.id } },
    );
    const admin = await createUser('admin');
    await expect(resendEmail({ userId: admin.id, ip: null }, entry.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is sent once by the second worker when the first stalled before the message, even if the first wakes up', async () => {
    const to = uniqueEmail('stalled-before-data');
    const entry = await welcome(to);
    // The first worker's relay stops passing what it sends: its conversation stalls before DATA.
    await relay.setMode('hold');
    const slow = createMailTransport({
      host: '127.0.0.1',
      port: relay.port,
      ignoreTLS: true,
      greetingTimeout: 60_000,
      socketTimeout: 60_000,
    });
    const first = sendMailProcessor(slow)(jobFor(entry));
    await waitFor(async () => (await row(entry)).state === 'sending', { what: 'the first claim' });
    const firstClaim = (await row(entry)).claimToken;

    await sendMailProcessor(direct())(jobFor(entry));
    expect(received(to)).toHaveLength(1);
    const sent = await row(entry);
    expect(sent.state).toBe('sent');
    expect(sent.attempts).toBe(2);
    expect(received(to)[0]!.messageId).toBe(sent.messageId);

    // The first worker was only stalled: its conversation goes on, reaches DATA, finds its claim
    // taken over and sends no byte of the message.
    await relay.setMode('pass');
    await first;
    expect(firstClaim).not.toBeNull();
    expect(received(to), 'the stalled worker sent it too').toHaveLength(1);
    expect((await row(entry)).state).toBe('sent');
  });

  it('goes back to the queue when the relay refuses the connection: nothing left, nothing uncertain', async () => {
    const to = uniqueEmail('relay-down');
    const entry = await welcome(to);
    await relay.setMode('down');
    const refused = createMailTransport({ host: '127.0.0.1', port: relay.port, ignoreTLS: true, connectionTimeout: 2_000 });
    await expect(sendMailProcessor(refused)(jobFor(entry))).rejects.toThrow();
    const failed = await row(entry);
    expect(failed.state).toBe('queued');
    expect(failed.claimToken).toBeNull();
    await relay.setMode('pass');
    await sendMailProcessor(direct())(jobFor(entry));
    expect(received(to)).toHaveLength(1);
    expect((await row(entry)).state).toBe('sent');
  });

  it('is queued again by the sweep when its claim outlived any SMTP conversation and its job is gone', async () => {
    const entry = await welcome(uniqueEmail('claim-outlived'));
    const queue = getQueue('mail');
    await (await queue.getJob(mailJobId(entry)))?.remove();
    await EmailLogEntry.update(
      { state: 'sending', claimToken: '00000000-0000-4000-8000-000000000000', claimedAt: new Date(Date.now() - 11 * 60_000) },
      { where: { id: entry.id } },
    );
    await requeueStaleMail(0);
    expect(await queue.getJob(mailJobId(entry))).toBeTruthy();

    // A younger claim is its worker's: not queued a second time.
    const young = await welcome(uniqueEmail('claim-young'));
    await (await queue.getJob(mailJobId(young)))?.remove();
    await EmailLogEntry.update(
      { state: 'sending', claimToken: '00000000-0000-4000-8000-000000000001', claimedAt: new Date() },
      { where: { id: young.id } },
    );
    await requeueStaleMail(0);
    expect(await queue.getJob(mailJobId(young))).toBeUndefined();
  });
});
