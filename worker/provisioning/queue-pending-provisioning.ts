import { Op } from 'sequelize';
import { Company, GlpiCompanyLink, Subscription } from '../../server/db/models';
import { queueWork, rowJobId } from '../../server/jobs/queue-work';

/**
 * At worker start: every company with a subscription running now and no finished GLPI link gets a
 * provisioning job, unless one is already queued (a job lost with Redis, the demo's seeded super-client, a company subscribed
 * while GLPI was not configured). Provisioning looks up before creating, so an entity that already
 * exists in GLPI under the company's name is found and linked, not doubled.
 */
export async function queuePendingProvisioning(now = new Date()): Promise<number[]> {
  const running = await Subscription.findAll({
    where: { startAt: { [Op.lte]: now }, endAt: { [Op.gt]: now } },
    attributes: ['companyId'],
  });
  const companyIds = [...new Set(running.map((subscription) => subscription.companyId))];
  if (companyIds.length === 0) return [];
  const done = await GlpiCompanyLink.findAll({
    // A link whose entity was lost waits for staff (re-provision or link another entity): provisioning
    // it unasked could create a second entity for a company whose own was only renamed or unmarked.
    where: { companyId: { [Op.in]: companyIds }, [Op.or]: [{ provisioningState: 'done' }, { identityLostAt: { [Op.ne]: null } }] },
    attributes: ['companyId'],
  });
  const doneIds = new Set(done.map((link) => link.companyId));
  const pending = companyIds.filter((id) => !doneIds.has(id));
  const companies = await Company.findAll({ where: { id: { [Op.in]: pending } }, attributes: ['id', 'createdAt'] });
  for (const company of companies) {
    // The company's own id and creation stamp: a job still waiting or retrying is kept, a finished one
    // replaced (queue-work.ts), and a company of a reset database never meets an earlier one's job.
    await queueWork('provision-client', { companyId: company.id }, rowJobId('provision-company', company.id, company.createdAt));
  }
  return pending;
}
