import type { Queue } from 'bullmq';
import { addJob } from '../../server/jobs/queues';
import { expireOverdueProformas } from '../../server/sales/proformas/expire-proformas';
import { undeliveredDocuments } from '../../server/sales/documents/document-delivery';
import { issueRenewalProformas } from '../../server/subscriptions/auto-renewal';
import { sendSubscriptionReminders } from '../../server/subscriptions/subscription-reminders';

/** The sales pipeline's periodic jobs, run on the maintenance queue. */
const billingJobs: Record<string, () => Promise<unknown>> = {
  'expire-proformas': async () => ({ expired: await expireOverdueProformas() }),
  'subscription-reminders': () => sendSubscriptionReminders(),
  'renewal-proformas': () => issueRenewalProformas(),
  // Documents whose generation job never reached Redis (or demo data): queue them again.
  'sweep-documents': async () => {
    const pending = await undeliveredDocuments();
    for (const { kind, id } of pending) await addJob('documents', { kind, id }, { jobId: `document-${kind}-${id}-sweep-${Date.now()}` });
    return { queued: pending.length };
  },
};

/** The result of a billing maintenance job, or undefined when the name is not one of them. */
export async function runBillingMaintenance(name: string): Promise<unknown> {
  const job = billingJobs[name];
  return job ? job() : undefined;
}

/** Daily in Algiers time, and once at start so that a worker down at the scheduled hour catches up. */
export async function scheduleBillingMaintenance(maintenance: Queue): Promise<void> {
  const tz = 'Africa/Algiers';
  await maintenance.upsertJobScheduler('expire-proformas', { pattern: '5 0 * * *', tz }, { name: 'expire-proformas' });
  await maintenance.upsertJobScheduler('subscription-reminders', { pattern: '0 8 * * *', tz }, { name: 'subscription-reminders' });
  await maintenance.upsertJobScheduler('renewal-proformas', { pattern: '10 0 * * *', tz }, { name: 'renewal-proformas' });
  await maintenance.upsertJobScheduler('sweep-documents', { every: 5 * 60_000 }, { name: 'sweep-documents' });
  for (const name of ['expire-proformas', 'subscription-reminders', 'renewal-proformas', 'sweep-documents'])
    await maintenance.add(name, {}, { removeOnComplete: 100, removeOnFail: 100 });
}
