import { Op } from 'sequelize';
import { EmailLogEntry } from '../../server/db/models';
import { queueWork } from '../../server/jobs/queue-work';
import { mailJobId } from '../../server/mail/enqueue-mail';

/**
 * Longer than any SMTP conversation (transport.ts: its timeouts): a claim this old is its worker's
 * no longer, whatever became of its job (lost with Redis' data, or failed as stalled too often).
 */
const claimOutlivedMs = 10 * 60_000;

/**
 * Mails whose job never reached Redis (Redis down at enqueue time) stay `queued` in email_log, and
 * a claim whose job was lost stays `sending`; this sweep queues them again — the job then sends a
 * mail whose message never started, and marks one that may have left `uncertain` (send-mail.ts).
 * Same job id: a mail whose job is still waiting is not doubled; a finished job of that id (the
 * row says it is not sent) is replaced, never a silent no-op (server/jobs/queue-work.ts).
 */
export async function requeueStaleMail(olderThanMs = 2 * 60_000): Promise<number> {
  const stale = await EmailLogEntry.findAll({
    where: {
      [Op.or]: [
        { state: 'queued', updatedAt: { [Op.lt]: new Date(Date.now() - olderThanMs) } },
        { state: 'sending', claimedAt: { [Op.lt]: new Date(Date.now() - Math.max(olderThanMs, claimOutlivedMs)) } },
      ],
    },
    attributes: ['id', 'createdAt'],
    limit: 500,
  });
  for (const entry of stale) await queueWork('mail', { emailLogId: entry.id }, mailJobId(entry));
  return stale.length;
}
