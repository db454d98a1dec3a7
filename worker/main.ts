import { Queue, Worker } from 'bullmq';
import { sequelize } from '../server/db/sequelize';
import { closeQueues, queuePrefix, redisConnectionOptions } from '../server/jobs/queues';
import { logger } from '../server/logger';
import { createMailTransport } from '../server/mail/transport';
import { precompileMailTemplates } from '../server/mail/render-mail';
import { sendMailProcessor } from './jobs/send-mail';
import { requeueStaleMail } from './jobs/requeue-stale-mail';

/**
 * `npm run worker`: every BullMQ consumer of the platform. SIGTERM lets running jobs finish, then
 * closes the connections; a second signal exits at once.
 */
const connection = { ...redisConnectionOptions(), maxRetriesPerRequest: null };
await precompileMailTemplates();

const transport = createMailTransport();
const workers = [
  new Worker('mail', sendMailProcessor(transport), { connection, prefix: queuePrefix, concurrency: 4 }),
  new Worker(
    'maintenance',
    async (job) => {
      if (job.name === 'requeue-stale-mail') return { requeued: await requeueStaleMail() };
      throw new Error(`Unknown maintenance job ${job.name}`);
    },
    { connection, prefix: queuePrefix, concurrency: 1 },
  ),
];
for (const worker of workers) {
  worker.on('failed', (job, err) => logger.warn({ queue: worker.name, jobId: job?.id, err: err.message }, 'job failed'));
  worker.on('error', (err) => logger.error({ queue: worker.name, err: err.message }, 'worker error'));
}

const maintenance = new Queue('maintenance', { connection, prefix: queuePrefix });
await maintenance.upsertJobScheduler('requeue-stale-mail', { every: 60_000 }, { name: 'requeue-stale-mail' });
logger.info({ queues: workers.map((w) => w.name) }, 'worker started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1);
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing current jobs');
  await Promise.all(workers.map((w) => w.close()));
  await maintenance.close();
  await closeQueues();
  transport.close();
  await sequelize.close();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
