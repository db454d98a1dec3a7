import { UnrecoverableError } from 'bullmq';
import { Op } from 'sequelize';
import { Company, GlpiCompanyLink, GlpiUserLink, User } from '../../server/db/models';
import { addJob } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError } from '../glpi/glpi-errors';
import type { GlpiSessionPool } from '../glpi/glpi-session-pool';
import { getGlpiPool } from '../glpi-runtime';
import { workerConfig } from '../worker-config';
import { findChildEntityByName, findProfileLink, findUserByLogin } from './glpi-lookups';

export type ProvisioningStep = 'entity' | 'user';

export type ProvisioningOptions = {
  pool?: () => GlpiSessionPool;
  parentEntityId?: number;
  clientProfileId?: number;
  /** Tests only: runs after each GLPI step is recorded, to stop a run half-way like a crash would. */
  afterStep?: (step: ProvisioningStep) => void | Promise<void>;
};

export type ProvisioningResult = { entityId: number; entityName: string; users: number };

type Settings = Required<Omit<ProvisioningOptions, 'afterStep'>> & Pick<ProvisioningOptions, 'afterStep'>;

/**
 * Brings a company into GLPI: its entity under the parent entity, a GLPI account for each active
 * client user, and the client profile on the entity for each. Every step looks up before it
 * creates and records its result at once, so a run replayed after a crash (or re-run when a user
 * joins the company later) creates nothing twice.
 */
export async function provisionCompany(
  job: { companyId: number; entityId?: number }, options: ProvisioningOptions = {},
): Promise<ProvisioningResult | null> {
  const settings: Settings = {
    pool: options.pool ?? getGlpiPool,
    parentEntityId: options.parentEntityId ?? workerConfig.GLPI_PARENT_ENTITY_ID,
    clientProfileId: options.clientProfileId ?? workerConfig.GLPI_CLIENT_PROFILE_ID,
    afterStep: options.afterStep,
  };
  const company = await Company.findByPk(job.companyId);
  if (!company) return null; // deleted since: nothing left to provision
  const [link] = await GlpiCompanyLink.findOrCreate({
    where: { companyId: company.id },
    defaults: { companyId: company.id, glpiEntityId: null, glpiEntityName: null, lastError: null, provisionedAt: null },
  });
  await link.update({ provisioningState: 'pending' });

  const pool = settings.pool();
  return pool.withEntity(settings.parentEntityId, async (client) => {
    // Another session of the pool may have created an entity since this one switched: refresh the
    // scope so that every child entity is visible (GLPI-API.md, Session).
    await client.useEntity(settings.parentEntityId, true);
    const entity = await resolveEntity(client, link, company.name, job.entityId, settings);
    await settings.afterStep?.('entity');

    const users = await User.findAll({ where: { companyId: company.id, role: 'client', active: true }, order: [['id', 'ASC']] });
    for (const user of users) {
      await provisionUser(client, user, entity.id, settings);
      await settings.afterStep?.('user');
    }

    await link.update({ provisioningState: 'done', lastError: null, provisionedAt: new Date() });
    await queueFirstSync(company.id);
    return { entityId: entity.id, entityName: entity.name, users: users.length };
  }, { recursive: true });
}

async function resolveEntity(
  client: GlpiClient, link: GlpiCompanyLink, companyName: string, requestedId: number | undefined, settings: Settings,
): Promise<{ id: number; name: string }> {
  if (requestedId !== undefined) {
    if (requestedId === settings.parentEntityId) throw new UnrecoverableError(`GLPI entity ${requestedId} is the parent of the client entities`);
    const entity = await existingEntity(client, requestedId);
    return record(link, entity.id, entity.name);
  }
  if (link.glpiEntityId !== null) {
    const entity = await existingEntity(client, link.glpiEntityId);
    return record(link, entity.id, entity.name);
  }
  const found = await findChildEntityByName(client, settings.parentEntityId, companyName);
  if (found) return record(link, found.id, found.name);
  const created = await client.create('Entity', { name: companyName, entities_id: settings.parentEntityId });
  await record(link, created.id, companyName);
  // The session that created an entity does not see it until it switches again (GLPI-API.md).
  await client.useEntity(settings.parentEntityId, true);
  return { id: created.id, name: companyName };
}

async function existingEntity(client: GlpiClient, entityId: number) {
  try {
    return await client.getItem('Entity', entityId);
  } catch (error) {
    // 404: purged or never existed; 403: outside the entities the service account sees from the parent.
    if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) {
      throw new UnrecoverableError(`GLPI entity ${entityId} not found under the parent entity`);
    }
    throw error;
  }
}

async function record(link: GlpiCompanyLink, entityId: number, entityName: string): Promise<{ id: number; name: string }> {
  const holder = await GlpiCompanyLink.findOne({ where: { glpiEntityId: entityId, companyId: { [Op.ne]: link.companyId } } });
  if (holder) throw new UnrecoverableError(`GLPI entity ${entityId} (${entityName}) is already linked to company ${holder.companyId}`);
  await link.update({ glpiEntityId: entityId, glpiEntityName: entityName });
  return { id: entityId, name: entityName };
}

async function provisionUser(client: GlpiClient, user: User, entityId: number, settings: Settings): Promise<void> {
  let link = await GlpiUserLink.findByPk(user.id);
  let glpiUserId = link?.glpiUserId ?? null;
  if (glpiUserId === null) {
    const found = await findUserByLogin(client, user.email);
    glpiUserId = found?.id ?? (await client.create('User', {
      name: user.email,
      realname: user.lastName,
      firstname: user.firstName,
      ...(user.phone ? { phone: user.phone } : {}),
      // Array form as in post_User; the first address becomes the default one (get_User_id_UserEmail).
      _useremails: [user.email],
      entities_id: entityId,
      // Given here, GLPI assigns exactly this profile instead of its default one on the active entity.
      _profiles_id: settings.clientProfileId,
      _entities_id: entityId,
      _is_recursive: 0,
    })).id;
    link = await GlpiUserLink.create({ userId: user.id, glpiUserId, glpiProfileLinkId: null });
  }
  if (!link) return;
  let profileLink;
  try {
    profileLink = await findProfileLink(client, glpiUserId, settings.clientProfileId, entityId);
  } catch (error) {
    if (!(error instanceof GlpiNotFoundError)) throw error;
    // The GLPI account was purged since it was recorded: forget it, the retry creates it again.
    await link.destroy();
    throw new Error(`GLPI user ${glpiUserId} of ${user.email} no longer exists`);
  }
  const profileLinkId = profileLink?.id ?? (await client.create('Profile_User', {
    users_id: glpiUserId, profiles_id: settings.clientProfileId, entities_id: entityId, is_recursive: 0,
  })).id;
  if (link.glpiProfileLinkId !== profileLinkId) await link.update({ glpiProfileLinkId: profileLinkId });
}

/** The first full sync starts at once rather than at the next schedule (consumed by the sync worker). */
async function queueFirstSync(companyId: number): Promise<void> {
  try {
    await addJob('glpi-sync', { companyId, reason: 'provisioned' }, { jobId: `sync-first-${companyId}` });
  } catch (error) {
    logger.warn({ err: error, companyId }, 'first sync not queued; the schedule will pick the company up');
  }
}
