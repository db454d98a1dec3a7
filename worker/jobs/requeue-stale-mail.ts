import { Op } from 'sequelize';
import { EmailLogEntry } from '../../server/db/models';
import { addJob } from '../../server/jobs/queues';

/**
 * Mails whose job never reached Redis (Redis down at enqueue time) stay `queued` in email_log;
 * this sweep queues them again. Same job id: a mail whose job is still waiting is not doubled.
 */
export async function requeueStaleMail(olderThanMs = 2 * 60_000): Promise<number> {
  const stale = await EmailLogEntry.findAll({
    where: { state: 'queued', updatedAt: { [Op.lt]: new Date(Date.now() - olderThanMs) } },
    attributes: ['id'],
    limit: 500,
  });
  for (const { id } of stale) await addJob('mail', { emailLogId: id }, { jobId: `mail-${id}` });
  return stale.length;
}
