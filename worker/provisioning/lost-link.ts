import { Op } from 'sequelize';
import { Company, GlpiCompanyLink, User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { logger } from '../../server/logger';
import { notifyUsers } from '../../server/notifications/notify';

/**
 * Records that a company's link no longer names its GLPI entity (gone, or another's): the sync and
 * the outbox stop for that company (they only work on a `done` link without `identityLostAt`), and
 * the admins get one alert for the company, whatever the number of tickets that wait, with what to
 * do. Conditional on the link still pointing at `entityId` and not already flagged: a second
 * finding of the same loss alerts no one again. Returns whether this call flagged it.
 */
export async function flagLostLink(companyId: number, entityId: number, problem: string): Promise<boolean> {
  return sequelize.transaction(async (transaction) => {
    const now = new Date();
    const [flagged] = await GlpiCompanyLink.update(
      { identityLostAt: now, identityProblem: problem.slice(0, 2000), provisioningState: 'failed', lastError: problem.slice(0, 2000) },
      { where: { companyId, glpiEntityId: entityId, identityLostAt: null }, transaction },
    );
    if (flagged === 0) return false;
    logger.warn({ companyId, entityId, problem }, 'GLPI link lost: sync and outbox stopped for the company');
    const company = await Company.findByPk(companyId, { attributes: ['id', 'name'], transaction });
    const admins = await User.findAll({ where: { role: 'admin', active: true }, attributes: ['id'], transaction });
    await notifyUsers(
      {
        userIds: admins.map((admin) => admin.id),
        kind: 'glpiLinkLost',
        params: { company: company?.name ?? String(companyId), entityId, problem: problem.slice(0, 300) },
        link: `/backoffice/companies/${companyId}/glpi`,
      },
      transaction,
    );
    await GlpiCompanyLink.update({ identityAlertedAt: now }, { where: { companyId }, transaction });
    return true;
  });
}

/** What provisioning clears once the company has an entity that is its own again. */
export const repairedLink = { identityLostAt: null, identityProblem: null, identityAlertedAt: null } as const;

/** Links other than `companyId`'s that hold or are still leaving `entityId`. */
export function otherLinksOf(entityId: number, companyId: number) {
  return GlpiCompanyLink.findAll({
    where: { companyId: { [Op.ne]: companyId }, [Op.or]: [{ glpiEntityId: entityId }, { retiredGlpiEntityId: entityId }] },
  });
}
