import { GlpiCompanyLink } from '../db/models';

/**
 * Whether the company's writes wait for its support account: GLPI provisioning not done yet, failed
 * (retried with back-off), or its entity lost and waiting for staff. The client then reads "waiting
 * for your account to be set up" rather than a bare "waiting", and is not left guessing.
 */
export async function awaitingAccountSetup(companyId: number): Promise<boolean> {
  const link = await GlpiCompanyLink.findByPk(companyId, {
    attributes: ['companyId', 'provisioningState', 'glpiEntityId', 'identityLostAt'],
  });
  return !link || link.provisioningState !== 'done' || link.glpiEntityId === null || link.identityLostAt !== null;
}
