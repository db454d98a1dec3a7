import { Queue, Worker } from 'bullmq';
import { sequelize } from '../server/db/sequelize';
import { closeQueues, queuePrefix, redisConnectionOptions } from '../server/jobs/queues';
import { logger } from '../server/logger';
import { createMailTransport } from '../server/mail/transport';
import { precompileMailTemplates } from '../server/mail/render-mail';
import { sendMailProcessor } from './jobs/send-mail';
import { requeueStaleMail } from './jobs/requeue-stale-mail';
import { generateDocumentProcessor } from './jobs/generate-document';
import { runBillingMaintenance, scheduleBillingMaintenance } from './jobs/billing-maintenance';
import { deliverOutboxProcessor } from './jobs/deliver-outbox';
import { requeuePendingOutbox } from './jobs/requeue-pending-outbox';
import { checkQuotaAfterSyncs, quotaWarningsJobName, runQuotaWarnings, scheduleQuotaWarnings } from './jobs/quota-warnings-job';
import { closeGlpiPool, isGlpiConfigured } from './glpi-runtime';
import { provisionClientProcessor } from './provisioning/provision-client-job';
import { queuePendingProvisioning } from './provisioning/queue-pending-provisioning';
import { startSyncRuntime } from './sync/sync-runtime';
import { watchForRedisDataLoss } from './redis-data-loss';
import { workerConfig } from './worker-config';

/**
 * `npm run worker`: every BullMQ consumer of the platform. SIGTERM lets running jobs finish, then
 * closes the connections; a second signal exits at once.
 */
const connection = { ...redisConnectionOptions(), maxRetriesPerRequest: null };
// A job whose worker died is taken up again once its lock has expired.
const jobLock = { lockDuration: workerConfig.JOB_LOCK_MS, stalledInterval: workerConfig.JOB_LOCK_MS };
await precompileMailTemplates();

const transport = createMailTransport();
const workers = [
  new Worker('mail', sendMailProcessor(transport), { connection, prefix: queuePrefix, concurrency: 4, ...jobLock }),
  new Worker('documents', generateDocumentProcessor(), { connection, prefix: queuePrefix, concurrency: 2, ...jobLock }),
  // One company at a time: two runs for one company could both miss a look-up and both create.
  new Worker('provision-client', provisionClientProcessor(), { connection, prefix: queuePrefix, concurrency: 1, ...jobLock }),
  new Worker('glpi-outbox', deliverOutboxProcessor(), { connection, prefix: queuePrefix, concurrency: 2, ...jobLock }),
  new Worker(
    'maintenance',
    async (job) => {
      if (job.name === 'requeue-stale-mail') return { requeued: await requeueStaleMail() };
      const billing = await runBillingMaintenance(job.name);
      if (billing !== undefined) return billing;
      if (job.name === 'requeue-pending-outbox') return { requeued: await requeuePendingOutbox() };
      if (job.name === quotaWarningsJobName) return runQuotaWarnings(job);
      throw new Error(`Unknown maintenance job ${job.name}`);
    },
    { connection, prefix: queuePrefix, concurrency: 1, ...jobLock },
  ),
];
for (const worker of workers) {
  worker.on('failed', (job, err) => logger.warn({ queue: worker.name, jobId: job?.id, err: err.message }, 'job failed'));
  worker.on('error', (err) => logger.error({ queue: worker.name, err: err.message }, 'worker error'));
}

const maintenance = new Queue('maintenance', { connection, prefix: queuePrefix });
async function scheduleMaintenance() {
  await maintenance.upsertJobScheduler('requeue-stale-mail', { every: 60_000 }, { name: 'requeue-stale-mail' });
  await scheduleBillingMaintenance(maintenance);
  await maintenance.upsertJobScheduler('requeue-pending-outbox', { every: 60_000 }, { name: 'requeue-pending-outbox' });
  await scheduleQuotaWarnings(maintenance);
}
await scheduleMaintenance();
const quotaAfterSyncs = checkQuotaAfterSyncs(connection, maintenance);
const glpiSync = await startSyncRuntime(connection, queuePrefix);
// Every job lost with Redis' data is queued again from MySQL at once (same job ids: none doubled).
const redisDataLoss = watchForRedisDataLoss(async () => {
  await scheduleMaintenance();
  await glpiSync?.reschedule();
  await requeueStaleMail(0);
  await requeuePendingOutbox({ pendingForMs: 0, sendingForMs: 0 });
});
if (isGlpiConfigured()) {
  await queuePendingProvisioning().then(
    (companyIds) => logger.info({ companyIds }, 'GLPI provisioning queued for subscribed companies'),
    (err: unknown) => logger.error({ err }, 'GLPI provisioning not queued at start-up'),
  );
}
logger.info({ queues: workers.map((w) => w.name) }, 'worker started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1);
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing current jobs');
  // A running sync pass ends after the page it is writing; its watermark stays consistent.
  glpiSync?.stopSyncing();
  await redisDataLoss.close();
  await Promise.all(workers.map((w) => w.close()));
  await glpiSync?.close();
  await closeGlpiPool();
  await quotaAfterSyncs.close();
  await maintenance.close();
  await closeQueues();
  transport.close();
  await sequelize.close();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
