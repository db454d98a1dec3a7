import { Op, type WhereOptions } from 'sequelize';
import { GlpiCompanyLink, GlpiOutboxEntry } from '../../server/db/models';
import { queueOutboxDelivery } from '../../server/glpi-outbox/queue-outbox';
import { logger } from '../../server/logger';

/**
 * Outbox rows whose job never reached Redis stay `pending`; rows left `sending` by a worker that
 * died are only retried by BullMQ if their job survived. This sweep queues both again under their
 * own job id, so a delivery still waiting or retrying is not doubled (and delivery is idempotent
 * anyway). Rows of a company whose GLPI link is not usable (provisioning pending or failed, the
 * entity lost) wait for it instead: provisioning queues them once the link is done.
 */
export async function requeuePendingOutbox(
  options: { pendingForMs?: number; sendingForMs?: number; companyId?: number } = {},
): Promise<number> {
  const now = Date.now();
  const ready = await GlpiCompanyLink.findAll({
    where: {
      provisioningState: 'done',
      glpiEntityId: { [Op.ne]: null },
      identityLostAt: null,
      ...(options.companyId ? { companyId: options.companyId } : {}),
    },
    attributes: ['companyId'],
  });
  if (ready.length === 0) return 0;
  const where: WhereOptions = {
    companyId: { [Op.in]: ready.map((link) => link.companyId) },
    [Op.or]: [
      { state: 'pending', ...olderThan(now, options.pendingForMs ?? 60_000) },
      { state: 'sending', ...olderThan(now, options.sendingForMs ?? 10 * 60_000) },
    ],
  };
  const stale = await GlpiOutboxEntry.findAll({ where, attributes: ['id', 'idempotencyKey'], order: [['id', 'ASC']], limit: 500 });
  let queued = 0;
  for (const entry of stale) {
    if ((await queueOutboxDelivery(entry)) !== 'already-queued') queued += 1;
  }
  if (queued > 0) logger.info({ queued, companyId: options.companyId }, 'pending outbox rows queued');
  return stale.length;
}

/** 0: every row, whenever written (the column keeps whole seconds, which MariaDB may round up past now). */
function olderThan(now: number, ms: number): WhereOptions {
  return ms <= 0 ? {} : { updatedAt: { [Op.lt]: new Date(now - ms) } };
}

/** Once a company's link is done (provisioned, repaired): its rows that waited for it go now. */
export function releaseWaitingOutbox(companyId: number): Promise<number> {
  return requeuePendingOutbox({ companyId, pendingForMs: 0, sendingForMs: 0 });
}
