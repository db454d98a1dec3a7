import { GlpiCompanyLink } from '../db/models';
import { addJob } from '../jobs/queues';
import { logger } from '../logger';

/**
 * After a change to a company's people (invited, deactivated, given another role): the worker's
 * provisioning, which is idempotent, gives a GLPI account to each active manager and member and
 * takes it from the others (worker/provisioning/company-glpi-users.ts). Nothing for a company not
 * in GLPI yet: its provisioning, at subscription, does the same for everyone at once. No dedup id:
 * a change made while a run is under way must get a run of its own (the queue runs one at a time).
 */
export async function requestGlpiAccounts(companyId: number): Promise<void> {
  const link = await GlpiCompanyLink.findByPk(companyId, { attributes: ['companyId', 'glpiEntityId'] });
  if (link?.glpiEntityId == null) return;
  try {
    await addJob('provision-client', { companyId });
  } catch (error) {
    // The deliver step asks again for an author without account; a deactivated user's GLPI
    // account is taken at the company's next provisioning.
    logger.warn({ err: error, companyId }, 'GLPI accounts of the company not queued');
  }
}
