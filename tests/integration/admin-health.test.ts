import { Queue, Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { closeInspectionQueues } from '../../server/admin/queues/queue-inspector';
import { EmailLogEntry } from '../../server/db/models';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createUser, loggedIn } from '../support/fixtures';
import { uniqueEmail } from '../support/trpc-caller';
import { mailJobId } from '../../server/mail/enqueue-mail';
import { waitFor } from '../support/wait-for';

afterAll(async () => {
  await closeInspectionQueues();
  await closeTestResources();
});

describe('platform health', () => {
  it('resends a failed e-mail: the row is queued again under a new job id', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const recipient = uniqueEmail('bounced');
    const entry = await EmailLogEntry.create({
      recipient,
      template: 'welcome',
      locale: 'fr',
      params: { name: 'A', portalUrl: 'http://localhost:3000/portal' },
      subject: null,
      state: 'failed',
      attempts: 8,
      lastError: 'ECONNREFUSED',
      messageId: null,
      sentAt: null,
    });
    const listed = await admin.run((api) => api.admin.emails.list({ state: 'failed', recipient }));
    expect(listed.entries).toEqual([expect.objectContaining({ id: entry.id, state: 'failed', attempts: 8, lastError: 'ECONNREFUSED' })]);

    const { jobId } = await admin.run((api) => api.admin.emails.resend({ id: entry.id }));
    expect(jobId).toBe(`${mailJobId(entry)}-resend-1`);
    await entry.reload();
    expect([entry.state, entry.lastError]).toEqual(['queued', null]);
    expect((await getQueue('mail').getJob(jobId))?.data).toMatchObject({ emailLogId: entry.id });
    expect(await refusal(admin.run((api) => api.admin.emails.resend({ id: entry.id })))).toEqual({
      code: 'CONFLICT',
      message: 'errors.admin.mailAlreadyQueued',
    });
  });

  it('shows a failed job with its error and puts it back in the queue on retry', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const connection = { ...redisConnectionOptions(), maxRetriesPerRequest: null };
    const producer = new Queue('maintenance', { connection, prefix: queuePrefix });
    const worker = new Worker('maintenance', () => Promise.reject(new Error('sweep exploded')), { connection, prefix: queuePrefix });
    const job = await producer.add('requeue-stale-mail', {}, { jobId: `broken-${Date.now()}`, attempts: 1 });
    await waitFor(async () => (await job.getState()) === 'failed', { what: 'job failed' });
    await worker.close();

    const overview = await admin.run((api) => api.admin.queues.overview());
    expect(overview.map((q) => q.name)).toEqual(expect.arrayContaining(['mail', 'maintenance']));
    expect(overview.find((q) => q.name === 'maintenance')?.failed).toBeGreaterThanOrEqual(1);
    const failed = await admin.run((api) => api.admin.queues.failed({ queue: 'maintenance' }));
    expect(failed.jobs.find((j) => j.id === job.id)).toMatchObject({ failedReason: 'sweep exploded', attemptsMade: 1 });

    await admin.run((api) => api.admin.queues.retry({ queue: 'maintenance', jobId: job.id! }));
    expect(await producer.getJobState(job.id!)).toBe('waiting');
    expect(await refusal(admin.run((api) => api.admin.queues.retry({ queue: 'maintenance', jobId: job.id! })))).toMatchObject({
      code: 'CONFLICT',
    });
    await producer.obliterate({ force: true });
    await producer.close();
  });

  it('reports the GLPI link from what the worker recorded, whatever is installed', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const health = await admin.run((api) => api.admin.health.glpi());
    expect(['ok', 'degraded', 'down', 'unknown']).toContain(health.state);
    expect(health.provisioning).not.toBeNull();
  });
});
