import { addJob } from '../jobs/queues';

/**
 * Staff "sync now" for one company. Deduplicated per company while a request is waiting, so
 * impatient clicks queue one job; the worker's lock keeps it from overlapping a running cycle.
 */
export async function requestCompanySync(companyId: number): Promise<void> {
  await addJob('glpi-sync', { companyId, reason: 'manual' }, { deduplication: { id: `glpi-sync-manual-${companyId}` } });
}
