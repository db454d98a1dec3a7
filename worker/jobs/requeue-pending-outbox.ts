import { Op } from 'sequelize';
import { GlpiOutboxEntry } from '../../server/db/models';
import { outboxJobId } from '../../server/glpi-outbox/queue-outbox';
import { addJob } from '../../server/jobs/queues';

/**
 * Outbox rows whose job never reached Redis stay `pending`; rows left `sending` by a worker that
 * died are only retried by BullMQ if their job survived. This sweep queues both again with the same
 * job id, so a delivery still waiting or retrying is not doubled (and delivery is idempotent anyway).
 */
export async function requeuePendingOutbox(options: { pendingForMs?: number; sendingForMs?: number } = {}): Promise<number> {
  const now = Date.now();
  const stale = await GlpiOutboxEntry.findAll({
    where: {
      [Op.or]: [
        { state: 'pending', updatedAt: { [Op.lt]: new Date(now - (options.pendingForMs ?? 60_000)) } },
        { state: 'sending', updatedAt: { [Op.lt]: new Date(now - (options.sendingForMs ?? 10 * 60_000)) } },
      ],
    },
    attributes: ['id'],
    order: [['id', 'ASC']],
    limit: 500,
  });
  for (const { id } of stale) await addJob('glpi-outbox', { outboxId: id }, { jobId: outboxJobId(id) });
  return stale.length;
}
