import { UnrecoverableError } from 'bullmq';
import { Company, GlpiCompanyLink, GlpiUserLink, User } from '../../server/db/models';
import { addJob } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiNotFoundError, GlpiPermissionError } from '../glpi/glpi-errors';
import type { GlpiSessionPool } from '../glpi/glpi-session-pool';
import { getGlpiPool } from '../glpi-runtime';
import { workerConfig } from '../worker-config';
import { newClientToken, openToken, sealToken } from '../glpi/client-token-vault';
import { forgetEntityOfCompany } from '../sync/forget-entity';
import { acquireCompanyLocks } from '../sync/sync-lock';
import { findChildEntityByName, findProfileLink, findUserByLogin } from './glpi-lookups';
import { checkEntityIdentity, markerLine, markersOf, newIdentityMarker, stampEntity } from './entity-identity';
import { flagLostLink, otherLinksOf, repairedLink } from './lost-link';
import { releaseWaitingOutbox } from '../jobs/requeue-pending-outbox';
import { ticketRoles } from '../../server/accounts/roles';
import { deprovisionUser } from './deprovision-user';

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
 * manager and member (those who open tickets; the others' accounts lose the entity), with the
 * client profile on the entity and an identity of its own (default profile and entity, an API
 * token the outbox writes with). Every step looks up before it creates and
 * records its result at once, so a run replayed after a crash (or re-run when a user joins the
 * company later) creates nothing twice. A relink to another entity also undoes what the company had
 * on the entity it leaves (its users' client profile there, its cached rows), once.
 */
export async function provisionCompany(
  job: { companyId: number; entityId?: number },
  options: ProvisioningOptions = {},
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
    defaults: {
      companyId: company.id,
      glpiEntityId: null,
      glpiEntityName: null,
      lastError: null,
      provisionedAt: null,
      retiredGlpiEntityId: null,
    },
  });
  await link.update({ provisioningState: 'pending' });

  const pool = settings.pool();
  return pool.withEntity(
    settings.parentEntityId,
    async (client) => {
      // A relink that stopped half-way finishes before another one starts.
      if (link.retiredGlpiEntityId != null) await retireEntity(client, link, settings);
      const entity = await resolveEntity(client, link, company.name, job.entityId, settings);
      await settings.afterStep?.('entity');

      const people = await User.findAll({ where: { companyId: company.id, role: 'client' }, order: [['id', 'ASC']] });
      // Those who open tickets get an account; the others lose theirs (decisions/110-company-roles.md).
      const users = people.filter(opensTickets);
      for (const user of users) {
        await provisionUser(client, user, entity.id, settings);
        await settings.afterStep?.('user');
      }
      const leaving = await GlpiUserLink.findAll({
        where: { userId: people.filter((user) => !opensTickets(user)).map((user) => user.id) },
      });
      for (const userLink of leaving) await deprovisionUser(client, userLink, entity.id, settings.clientProfileId);
      if (link.retiredGlpiEntityId != null) await retireEntity(client, link, settings);

      await link.update({ provisioningState: 'done', lastError: null, provisionedAt: new Date(), ...repairedLink });
      await queueFirstSync(company.id);
      // Writes that waited for the link (a new company, a repaired one) go now, each once.
      await releaseWaitingOutbox(company.id).catch((error: unknown) =>
        logger.warn({ err: error, companyId: company.id }, 'waiting outbox rows not queued; the sweep will'),
      );
      return { entityId: entity.id, entityName: entity.name, users: users.length };
    },
    { recursive: true },
  );
}

async function resolveEntity(
  client: GlpiClient,
  link: GlpiCompanyLink,
  companyName: string,
  requestedId: number | undefined,
  settings: Settings,
): Promise<{ id: number; name: string }> {
  if (requestedId !== undefined) {
    if (requestedId === settings.parentEntityId)
      throw new UnrecoverableError(`GLPI entity ${requestedId} is the parent of the client entities`);
    const entity = await existingEntity(client, requestedId);
    const leaving = link.glpiEntityId !== null && link.glpiEntityId !== entity.id ? link.glpiEntityId : null;
    return claim(client, link, entity, settings, { leaving });
  }
  if (link.glpiEntityId !== null) {
    const verdict = await checkEntityIdentity(client, { ...link.get(), glpiEntityId: link.glpiEntityId }, settings.parentEntityId);
    if (verdict.ok) {
      if (verdict.adopted) {
        const marker = newIdentityMarker();
        await stampEntity(client, verdict.entity, marker);
        await link.update({ identityMarker: marker });
      }
      if (verdict.entity.name !== link.glpiEntityName) await link.update({ glpiEntityName: verdict.entity.name });
      return { id: verdict.entity.id, name: verdict.entity.name };
    }
    // The entity the link named is gone or is another's: the company lets it go (its client profiles
    // there, its cached rows) and finds or creates its own entity again.
    logger.warn(
      { companyId: link.companyId, entityId: link.glpiEntityId, problem: verdict.problem },
      "GLPI link replaced: its entity is no longer the company's",
    );
    await link.update({ glpiEntityId: null, retiredGlpiEntityId: link.glpiEntityId });
    await retireEntity(client, link, settings);
  }
  const found = await findChildEntityByName(client, settings.parentEntityId, companyName);
  if (found) return claim(client, link, found, settings);
  const marker = newIdentityMarker();
  const created = await client.create('Entity', { name: companyName, entities_id: settings.parentEntityId, comment: markerLine(marker) });
  await claim(client, link, { id: created.id, name: companyName }, settings, { createdWith: marker });
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

/**
 * Links the company to `entity`. Another link that holds the same id is asked who it is: if the
 * entity still carries that link's marker (or, for a link made before markers, its name and no
 * marker), the entity is that company's and nothing is taken; otherwise the other link is stale (its
 * entity was purged and GLPI gave the id again, or GLPI was restored), so it is flagged for staff
 * and retired (its client profiles there and cached rows go) before this company takes the id.
 * `createdWith`: the entity was created just now with this marker, so no other link can own it.
 */
async function claim(
  client: GlpiClient,
  link: GlpiCompanyLink,
  entity: { id: number; name: string; comment?: string | null },
  settings: Settings,
  options: { leaving?: number | null; createdWith?: string } = {},
): Promise<{ id: number; name: string }> {
  for (const other of await otherLinksOf(entity.id, link.companyId)) {
    if (other.glpiEntityId === entity.id) {
      if (options.createdWith === undefined && stillOwns(other, entity)) {
        throw new UnrecoverableError(`GLPI entity ${entity.id} (${entity.name}) is already linked to company ${other.companyId}`);
      }
      const problem = `GLPI entity ${entity.id} is now "${entity.name}", the entity of another company: the entity this company was linked to is gone`;
      await flagLostLink(other.companyId, entity.id, problem);
      await other.update({ glpiEntityId: null, retiredGlpiEntityId: entity.id });
      logger.warn(
        { companyId: other.companyId, entityId: entity.id, takenBy: link.companyId },
        'stale GLPI link retired: its entity id was given to another entity',
      );
    }
    await retireEntity(client, other, settings);
  }
  const marker = options.createdWith ?? newIdentityMarker();
  if (options.createdWith === undefined) await stampEntity(client, entity, marker);
  // One write: the entity left is remembered for as long as the link points to the new one.
  await link.update({
    glpiEntityId: entity.id,
    glpiEntityName: entity.name,
    identityMarker: marker,
    ...(options.leaving == null ? {} : { retiredGlpiEntityId: options.leaving }),
  });
  return { id: entity.id, name: entity.name };
}

function stillOwns(other: GlpiCompanyLink, entity: { name: string; comment?: string | null }): boolean {
  const markers = markersOf(entity.comment);
  if (other.identityMarker !== null) return markers.includes(other.identityMarker);
  return markers.length === 0 && entity.name.trim().toLowerCase() === (other.glpiEntityName ?? '').trim().toLowerCase();
}

/**
 * Undoes what the company had on the entity a relink left: its users' client profile there (in
 * GLPI) and its cached rows (here). Holds the company's sync lock, so that no sync still reading
 * the old entity writes behind it; when a sync holds it, the job fails and BullMQ retries it.
 */
async function retireEntity(client: GlpiClient, link: GlpiCompanyLink, settings: Settings): Promise<void> {
  const retired = link.retiredGlpiEntityId;
  if (retired == null) return;
  const lock = await acquireCompanyLocks(link.companyId);
  if (!lock) throw new Error(`a GLPI sync of company ${link.companyId} is running: the relink ends on the next attempt`);
  try {
    const users = await User.findAll({ where: { companyId: link.companyId, role: 'client' }, attributes: ['id'] });
    const userLinks = await GlpiUserLink.findAll({ where: { userId: users.map((user) => user.id) } });
    for (const userLink of userLinks) {
      const profiles = await client.getSubItems('User', userLink.glpiUserId, 'Profile_User').catch((error: unknown) => {
        // 403: the user has no profile left under the parent entity (its only entity was purged):
        // nothing of theirs to remove there.
        if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) return [];
        throw error;
      });
      for (const profile of profiles.filter((p) => p.entities_id === retired && p.profiles_id === settings.clientProfileId)) {
        await client.purge('Profile_User', profile.id);
      }
    }
    await forgetEntityOfCompany(retired, link.companyId);
    await link.update({ retiredGlpiEntityId: null });
  } finally {
    await lock.release();
  }
}

const opensTickets = (user: User) => user.active && user.companyRole !== null && ticketRoles.includes(user.companyRole);

async function provisionUser(client: GlpiClient, user: User, entityId: number, settings: Settings): Promise<void> {
  let link = await GlpiUserLink.findByPk(user.id);
  let glpiUserId = link?.glpiUserId ?? null;
  if (glpiUserId === null) {
    const found = await findUserByLogin(client, user.email);
    glpiUserId =
      found?.id ??
      (
        await client.create('User', {
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
        })
      ).id;
    link = await GlpiUserLink.create({ userId: user.id, glpiUserId, glpiProfileLinkId: null });
  }
  if (!link) return;
  let profileLinkId: number;
  try {
    const profileLink = await findProfileLink(client, glpiUserId, settings.clientProfileId, entityId);
    profileLinkId =
      profileLink?.id ??
      (
        await client.create('Profile_User', {
          users_id: glpiUserId,
          profiles_id: settings.clientProfileId,
          entities_id: entityId,
          is_recursive: 0,
        })
      ).id;
  } catch (error) {
    if (error instanceof GlpiNotFoundError) {
      // The GLPI account was purged since it was recorded: forget it, the retry creates it again.
      await link.destroy();
      throw new Error(`GLPI user ${glpiUserId} of ${user.email} no longer exists`);
    }
    if (!(error instanceof GlpiPermissionError)) throw error;
    // The account has no profile left under the parent entity (the only entity it had was purged):
    // GLPI shows a user without profiles only to a session on the root entity, recursive.
    await client.useEntity(0, true);
    try {
      profileLinkId = (
        await client.create('Profile_User', {
          users_id: glpiUserId,
          profiles_id: settings.clientProfileId,
          entities_id: entityId,
          is_recursive: 0,
        })
      ).id;
    } finally {
      await client.useEntity(settings.parentEntityId, true);
    }
  }
  if (link.glpiProfileLinkId !== profileLinkId) await link.update({ glpiProfileLinkId: profileLinkId });
  await giveIdentity(client, link, entityId, settings);
}

/**
 * What lets the outbox write as the client: a session of theirs starts on the client profile and
 * their company's entity, and opens with an API token the worker keeps sealed. The token is set in
 * GLPI before it is recorded here: a crash in between only costs a new token on the next run.
 */
async function giveIdentity(client: GlpiClient, link: GlpiUserLink, entityId: number, settings: Settings): Promise<void> {
  const current = openToken(link.apiTokenSealed, workerConfig.tokenSealKey);
  const token = current ?? newClientToken();
  await client.update('User', link.glpiUserId, {
    // Active again: a person deactivated and reactivated since keeps the same GLPI account.
    profiles_id: settings.clientProfileId,
    entities_id: entityId,
    is_active: 1,
    ...(current === null ? { api_token: token } : {}),
  });
  if (current === null) await link.update({ apiTokenSealed: sealToken(token, workerConfig.tokenSealKey) });
}

/**
 * The first full sync starts at once rather than at the next schedule (consumed by the sync worker).
 * No job id of our own: BullMQ keeps completed jobs, and an id reused by a later link (a relink, a
 * reset database) would be dropped as a duplicate. A provisioning replayed while the first sync
 * still waits adds nothing: deduplication, said explicitly, holds only while that job is pending.
 */
async function queueFirstSync(companyId: number): Promise<void> {
  try {
    await addJob('glpi-sync', { companyId, reason: 'provisioned' }, { deduplication: { id: `sync-first-${companyId}` } });
  } catch (error) {
    logger.warn({ err: error, companyId }, 'first sync not queued; the schedule will pick the company up');
  }
}
