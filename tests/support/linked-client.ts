import { GlpiCompanyLink } from '../../server/db/models';
import { markerLine, newIdentityMarker } from '../../worker/provisioning/entity-identity';
import { createCompany } from './fixtures';
import type { GlpiApiDriver } from './glpi-api-driver';

/**
 * A new GLPI entity under `parentId` and a new company linked to it, as provisioning links them:
 * the entity carries the link's marker (entity-identity.ts). The driver ends on the root, recursive.
 */
export async function addLinkedClient(
  driver: GlpiApiDriver,
  parentId: number,
  name: string,
): Promise<{ entityId: number; companyId: number }> {
  // A test that failed half-way may have left the driver in a client entity, where it cannot create entities.
  await driver.switchTo(0, true);
  const identityMarker = newIdentityMarker();
  const entityId = await driver.createOne('Entity', { name, entities_id: parentId, comment: markerLine(identityMarker) });
  await driver.switchTo(0, true);
  const company = await createCompany();
  await GlpiCompanyLink.create({
    companyId: company.id,
    glpiEntityId: entityId,
    glpiEntityName: name,
    identityMarker,
    provisioningState: 'done',
    lastError: null,
    provisionedAt: new Date(),
  });
  return { entityId, companyId: company.id };
}
