import type { Job } from 'bullmq';
import { GlpiCompanyLink } from '../../server/db/models';
import { queueDefinitions } from '../../server/jobs/queues';
import { provisionCompany, type ProvisioningOptions, type ProvisioningResult } from './provision-company';

/**
 * The `provision-client` consumer. A failed attempt leaves the company `failed` with the reason
 * for staff to read while BullMQ retries with back-off; the subscription itself is never touched.
 */
export function provisionClientProcessor(options: ProvisioningOptions = {}) {
  return async (job: Job): Promise<ProvisioningResult | null> => {
    const payload = queueDefinitions['provision-client'].payload.parse(job.data);
    try {
      return await provisionCompany(payload, options);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await GlpiCompanyLink.update(
        { provisioningState: 'failed', lastError: reason.slice(0, 2000) },
        { where: { companyId: payload.companyId } },
      );
      throw error;
    }
  };
}
