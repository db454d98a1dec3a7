import { Op } from 'sequelize';
import { Company, GlpiCompanyLink, GlpiUserLink, User } from '../db/models';
import { recordAudit } from '../audit/record-audit';
import { AppError, notFound } from '../errors';
import { addJob } from '../jobs/queues';

/**
 * What staff see and do about a company's presence in GLPI. The web process only reads the
 * database and puts jobs on the queue: the worker talks to GLPI (checks an entity, creates accounts).
 */
export async function provisioningState(companyId: number) {
  const company = await Company.findByPk(companyId, { attributes: ['id', 'name'] });
  if (!company) throw notFound();
  const link = await GlpiCompanyLink.findByPk(companyId);
  const users = await User.findAll({
    where: { companyId, role: 'client' },
    attributes: ['id', 'email', 'firstName', 'lastName', 'active'],
    order: [['id', 'ASC']],
  });
  const userLinks = await GlpiUserLink.findAll({ where: { userId: { [Op.in]: users.map((user) => user.id) } } });
  const glpiUserOf = new Map(userLinks.map((userLink) => [userLink.userId, userLink.glpiUserId]));
  return {
    company: { id: company.id, name: company.name },
    /** `none` until a subscription (or staff) first asks for provisioning. */
    state: link?.provisioningState ?? ('none' as const),
    lastError: link?.lastError ?? null,
    entityId: link?.glpiEntityId ?? null,
    entityName: link?.glpiEntityName ?? null,
    provisionedAt: link?.provisionedAt ?? null,
    /** The entity at the link's id is gone or another's (entity-identity.ts): sync and outbox stopped until staff repair it. */
    linkLost: link?.identityLostAt ? { since: link.identityLostAt, problem: link.identityProblem ?? '' } : null,
    updatedAt: link?.updatedAt ?? null,
    users: users.map((user) => ({
      id: user.id,
      email: user.email,
      name: `${user.firstName} ${user.lastName}`,
      active: user.active,
      glpiUserId: glpiUserOf.get(user.id) ?? null,
    })),
  };
}

/** Provisions again (after a failure, or for users added since): the worker's run is idempotent. */
export async function retryProvisioning(companyId: number, actorUserId: number): Promise<void> {
  await markPending(companyId);
  await queue(companyId, undefined, `provision-${companyId}-retry-${Date.now()}`);
  await recordAudit({ actorUserId, action: 'glpi.retryProvisioning', recordType: 'company', recordId: companyId });
}

/**
 * Links the company to an entity that already exists in GLPI. The worker checks that it exists
 * under the parent entity, records its name (shown back for confirmation), then provisions the users on it.
 */
export async function linkEntity(companyId: number, entityId: number, actorUserId: number): Promise<void> {
  // A holder whose entity was found lost no longer owns the id: the worker retires it by identity.
  const holder = await GlpiCompanyLink.findOne({
    where: { glpiEntityId: entityId, companyId: { [Op.ne]: companyId }, identityLostAt: null },
  });
  if (holder) throw new AppError('CONFLICT', 'errors.glpiEntityTaken', { params: { entityId }, field: 'entityId' });
  await markPending(companyId);
  await queue(companyId, entityId, `link-${companyId}-${entityId}-${Date.now()}`);
  await recordAudit({ actorUserId, action: 'glpi.linkEntity', recordType: 'company', recordId: companyId, details: { entityId } });
}

async function markPending(companyId: number): Promise<void> {
  const company = await Company.findByPk(companyId, { attributes: ['id'] });
  if (!company) throw notFound();
  const [link] = await GlpiCompanyLink.findOrCreate({
    where: { companyId },
    defaults: { companyId, glpiEntityId: null, glpiEntityName: null, lastError: null, provisionedAt: null },
  });
  await link.update({ provisioningState: 'pending', lastError: null });
}

async function queue(companyId: number, entityId: number | undefined, jobId: string): Promise<void> {
  try {
    await addJob('provision-client', entityId === undefined ? { companyId } : { companyId, entityId }, { jobId });
  } catch {
    throw new AppError('UNAVAILABLE', 'errors.queueUnavailable');
  }
}
