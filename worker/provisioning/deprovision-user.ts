import type { GlpiUserLink } from '../../server/db/models';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError } from '../glpi/glpi-errors';

/**
 * Takes the company's entity from the GLPI account of someone who no longer opens tickets (a
 * deactivated person, one made billing): the account is made inactive (GLPI then opens it no
 * session, its API token included) and loses its client profile on the entity. The account itself
 * stays: its name remains on the tickets it wrote. Idempotent: each step finds what a previous run
 * did; the link keeps the GLPI user id (a reactivation gives the same account back) and forgets
 * the profile link and the token.
 */
export async function deprovisionUser(client: GlpiClient, link: GlpiUserLink, entityId: number, clientProfileId: number): Promise<void> {
  if (link.glpiProfileLinkId === null && link.apiTokenSealed === null) return;
  try {
    // Made inactive first, while its profile on the entity still lets the service account reach it.
    await client.update('User', link.glpiUserId, { is_active: 0 });
    const profiles = await client.getSubItems('User', link.glpiUserId, 'Profile_User');
    for (const profile of profiles.filter((p) => p.entities_id === entityId && p.profiles_id === clientProfileId)) {
      await client.purge('Profile_User', profile.id);
    }
  } catch (error) {
    // Purged in GLPI, or out of the service account's reach already (no profile left under the
    // parent entity): nothing of the company's is left on it.
    if (!(error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError)) throw error;
  }
  await link.update({ glpiProfileLinkId: null, apiTokenSealed: null });
}
