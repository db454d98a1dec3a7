import { Queue, Worker } from 'bullmq';
import { sequelize } from '../server/db/sequelize';
import { closeQueues, queuePrefix, redisConnectionOptions } from '../server/jobs/queues';
import { logger } from '../server/logger';
import { createMailTransport } from '../server/mail/transport';
import { sendMailProcessor } from './jobs/send-mail';
import { accountRequestsProcessor } from './jobs/account-requests';
import { purgeExpiredRegistrations } from '../server/accounts/register';
import { requeueStaleMail } from './jobs/requeue-stale-mail';
import { generateDocumentProcessor } from './jobs/generate-document';
import { runBillingMaintenance, scheduleBillingMaintenance } from './jobs/billing-maintenance';
import { deliverOutboxProcessor } from './jobs/deliver-outbox';
import { requeuePendingOutbox } from './jobs/requeue-pending-outbox';
import { checkQuotaAfterSyncs, quotaWarningsJobName, runQuotaWarnings, scheduleQuotaWarnings } from './jobs/quota-warnings-job';
import {
  monthlyReportProcessor,
  monthlyReportsJobName,
  reportsAfterSyncs,
  runMonthlyReports,
  scheduleMonthlyReports,
} from './jobs/monthly-reports-job';
import { closeGlpiPool, isGlpiConfigured } from './glpi-runtime';
import { provisionClientProcessor } from './provisioning/provision-client-job';
import { queuePendingProvisioning } from './provisioning/queue-pending-provisioning';
import { startSyncRuntime } from './sync/sync-runtime';
import { listenToSyncCompletions } from './sync/sync-completions';
import { watchForRedisDataLoss } from './redis-data-loss';
import { jobLockOptions, workerConfig } from './worker-config';
import { inJobScope, logJobFailures } from './job-scope';
import { loadPrebuiltMailTemplates } from './prebuilt-mail-templates';

/**
 * `npm run worker`: every BullMQ consumer of the platform. SIGTERM lets running jobs finish, then
 * closes the connections; a second signal exits at once.
 */
const connection = { ...redisConnectionOptions(), maxRetriesPerRequest: null };
if (workerConfig.glpi && workerConfig.GLPI_TIMEOUT_MS >= workerConfig.JOB_LOCK_MS) {
  // A GLPI write may then outlive its job's lock, and another worker take the job meanwhile (decisions/131).
  logger.warn(
    { GLPI_TIMEOUT_MS: workerConfig.GLPI_TIMEOUT_MS, JOB_LOCK_MS: workerConfig.JOB_LOCK_MS },
    'GLPI_TIMEOUT_MS should be below JOB_LOCK_MS',
  );
}
// Built (build/worker/main.js), the worker finds its mail templates compiled beside it; from the
// sources, each is compiled by the first mail that needs it (decisions 191 and 270).
loadPrebuiltMailTemplates(import.meta.dirname);
const transport = createMailTransport();
const workers = [
  new Worker('mail', inJobScope('mail', sendMailProcessor(transport)), {
    connection,
    prefix: queuePrefix,
    concurrency: 4,
    ...jobLockOptions,
  }),
  new Worker('account-requests', inJobScope('account-requests', accountRequestsProcessor()), {
    connection,
    prefix: queuePrefix,
    concurrency: 2,
    ...jobLockOptions,
  }),
  new Worker('documents', inJobScope('documents', generateDocumentProcessor()), {
    connection,
    prefix: queuePrefix,
    concurrency: 2,
    ...jobLockOptions,
  }),
  // One company at a time: two runs for one company could both miss a look-up and both create.
  new Worker('provision-client', inJobScope('provision-client', provisionClientProcessor()), {
    connection,
    prefix: queuePrefix,
    concurrency: 1,
    ...jobLockOptions,
  }),
  new Worker('glpi-outbox', inJobScope('glpi-outbox', deliverOutboxProcessor()), {
    connection,
    prefix: queuePrefix,
    concurrency: 2,
    ...jobLockOptions,
  }),
  new Worker('monthly-reports', inJobScope('monthly-reports', monthlyReportProcessor()), {
    connection,
    prefix: queuePrefix,
    concurrency: 2,
    ...jobLockOptions,
  }),
  new Worker(
    'maintenance',
    inJobScope('maintenance', async (job) => {
      if (job.name === 'requeue-stale-mail') return { requeued: await requeueStaleMail() };
      if (job.name === 'purge-pending-registrations') return { purged: await purgeExpiredRegistrations() };
      const billing = await runBillingMaintenance(job.name);
      if (billing !== undefined) return billing;
      if (job.name === 'requeue-pending-outbox') return { requeued: await requeuePendingOutbox() };
      if (job.name === quotaWarningsJobName) return runQuotaWarnings(job);
      if (job.name === monthlyReportsJobName) return runMonthlyReports();
      throw new Error(`Unknown maintenance job ${job.name}`);
    }),
    { connection, prefix: queuePrefix, concurrency: 1, ...jobLockOptions },
  ),
];
for (const worker of workers) logJobFailures(worker);

const maintenance = new Queue('maintenance', { connection, prefix: queuePrefix });
async function scheduleMaintenance() {
  await maintenance.upsertJobScheduler('requeue-stale-mail', { every: 60_000 }, { name: 'requeue-stale-mail' });
  await maintenance.upsertJobScheduler('purge-pending-registrations', { every: 3_600_000 }, { name: 'purge-pending-registrations' });
  await scheduleBillingMaintenance(maintenance);
  await maintenance.upsertJobScheduler('requeue-pending-outbox', { every: 60_000 }, { name: 'requeue-pending-outbox' });
  await scheduleQuotaWarnings(maintenance);
  await scheduleMonthlyReports(maintenance);
}
await scheduleMaintenance();
const afterSyncs = listenToSyncCompletions(connection, [checkQuotaAfterSyncs(maintenance), reportsAfterSyncs(maintenance)]);
const glpiSync = await startSyncRuntime(connection, queuePrefix);
// Every job lost with Redis' data is queued again from MySQL at once (same job ids: none doubled).
const redisDataLoss = watchForRedisDataLoss(async () => {
  await scheduleMaintenance();
  await glpiSync?.reschedule();
  await requeueStaleMail(0);
  await requeuePendingOutbox({ pendingForMs: 0, sendingForMs: 0 });
});
// What the database says is still to do is queued, whatever Redis kept (a reset or restored
// database, a Redis emptied or replaced): each under its own job id, never doubled (queue-work.ts).
await Promise.all([requeueStaleMail(0), requeuePendingOutbox({ pendingForMs: 0, sendingForMs: 0 })]).then(
  ([mails, outbox]) => logger.info({ mails, outbox }, 'pending mails and GLPI writes checked against the queues'),
  (err: unknown) => logger.error({ err }, 'pending mails and GLPI writes not checked at start-up'),
);
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
  await afterSyncs.close();
  await maintenance.close();
  await closeQueues();
  await sequelize.close();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
