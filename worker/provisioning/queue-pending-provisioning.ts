import { Op } from 'sequelize';
import { GlpiCompanyLink, Subscription } from '../../server/db/models';
import { addJob, getQueue } from '../../server/jobs/queues';

/**
 * At worker start: every company with a subscription running now and no finished GLPI link gets a
 * provisioning job (a job lost with Redis, the demo's seeded super-client, a company subscribed
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
    where: { companyId: { [Op.in]: companyIds }, provisioningState: 'done' },
    attributes: ['companyId'],
  });
  const doneIds = new Set(done.map((link) => link.companyId));
  const pending = companyIds.filter((id) => !doneIds.has(id));
  const queue = getQueue('provision-client');
  for (const companyId of pending) {
    const jobId = `provision-${companyId}-startup`;
    // A job still waiting or retrying is kept (same id: not doubled); a finished one is replaced.
    const previous = await queue.getJob(jobId);
    if (previous && ((await previous.isCompleted()) || (await previous.isFailed()))) await previous.remove();
    await addJob('provision-client', { companyId }, { jobId });
  }
  return pending;
}
