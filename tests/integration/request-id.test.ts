import { Writable } from 'node:stream';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { EmailLogEntry } from '../../server/db/models';
import { getQueue, queuePrefix, redisConnectionOptions } from '../../server/jobs/queues';
import { mailJobId } from '../../server/mail/enqueue-mail';
import { currentRequestId, requestLog, requestScope, runInScope } from '../../server/request-context';
import { inJobScope, logJobFailures } from '../../worker/job-scope';
import { closeTestResources } from '../support/close-resources';
import { testClient, uniqueEmail } from '../support/trpc-caller';

/** A request id carried from the request to its procedures, to the jobs they queue, and into the worker's logs. */
const connection = { ...redisConnectionOptions(), maxRetriesPerRequest: null };
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await closeTestResources();
});

/** A fresh queue (its own name) with a worker running `processor`; log lines of logJobFailures collected. */
function freshQueue<T>(processor: (job: Job) => Promise<T>) {
  const name = `request-id-${process.pid}-${closers.length}`;
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const queue = new Queue(name, { connection, prefix: queuePrefix });
  // Read from the stream's start: a job that ends before the events' first read is still seen (a fresh queue has no older events).
  const events = new QueueEvents(name, { connection, prefix: queuePrefix, lastEventId: '0-0' });
  const worker = new Worker(name, inJobScope(name, processor), { connection, prefix: queuePrefix });
  logJobFailures(worker, pino({ level: 'info' }, sink));
  closers.push(
    () => worker.close(),
    () => events.close(),
    () => queue.obliterate({ force: true }).then(() => queue.close()),
  );
  return { name, queue, events, lines };
}

describe('the request id', () => {
  it('is carried by the jobs a procedure queues', async () => {
    const email = uniqueEmail('contact');
    const input = { name: 'Karim Belkacem', email, phone: '0770 11 22 33', company: 'Atlas', message: 'Bonjour, quels délais ?' };
    await runInScope(requestScope('req-contact-1'), () => testClient().run((api) => api.contact.submit(input)));
    const entry = await EmailLogEntry.findOne({ where: { template: 'contact-message', params: { email } } });
    const job = await getQueue('mail').getJob(mailJobId(entry!));
    expect(job?.data).toMatchObject({ emailLogId: entry!.id, requestId: 'req-contact-1' });
  });

  it('is given to a procedure called outside any request, so that its jobs still carry one', async () => {
    const email = uniqueEmail('contact');
    await testClient().run((api) =>
      api.contact.submit({ name: 'Nadia Ferhat', email, phone: '0770 11 22 34', company: 'Tell', message: 'Un devis ?' }),
    );
    const entry = await EmailLogEntry.findOne({ where: { template: 'contact-message', params: { email } } });
    const job = await getQueue('mail').getJob(mailJobId(entry!));
    expect(job?.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is the scope a worker runs the job in, and the jobs it queues inherit it', async () => {
    const { queue, events } = freshQueue(async (job) => ({
      requestId: currentRequestId(),
      logsWith: (requestLog().bindings() as { requestId?: string }).requestId,
      jobId: job.id,
    }));
    const fromRequest = await queue.add('work', { requestId: 'req-job-1' });
    expect(await fromRequest.waitUntilFinished(events, 30_000)).toEqual({
      requestId: 'req-job-1',
      logsWith: 'req-job-1',
      jobId: fromRequest.id,
    });
    const scheduled = await queue.add('work', {});
    expect(await scheduled.waitUntilFinished(events, 30_000)).toMatchObject({
      requestId: `${queue.name}:${scheduled.id}`,
      logsWith: `${queue.name}:${scheduled.id}`,
    });
  });

  it('is in the log line of a failed job, with the error’s stack', async () => {
    const { queue, events, lines } = freshQueue(async () => {
      throw new Error('the printer caught fire');
    });
    const job = await queue.add('work', { requestId: 'req-failing-1' }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow('the printer caught fire');
    await expect.poll(() => lines.length).toBeGreaterThan(0);
    const [line] = lines;
    expect(line).toMatchObject({ msg: 'job failed', queue: queue.name, jobId: job.id, requestId: 'req-failing-1' });
    const err = line!.err as { message: string; stack: string };
    expect(err.message).toBe('the printer caught fire');
    expect(err.stack).toContain('request-id.test.ts');
  });
});
