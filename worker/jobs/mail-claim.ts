import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { config } from '../../server/config';
import { EmailLogEntry } from '../../server/db/models';

/**
 * A mail's delivery claim in email_log (decisions/130). Every change below is one conditional
 * UPDATE naming the claim it expects, so two workers holding the same mail (a job handed on after
 * its lock expired, while the first worker is still alive) never both send it: the one whose
 * claim was taken over finds out before the message's first byte, and stops.
 */
export type Claim = { token: string; messageId: string };

/** Why a mail found `sending` may be taken over: its claim never reached the message. */
const neverStarted = { state: 'sending', messageStartedAt: null } as const;

/**
 * Claims a queued mail, or takes over a claim whose message never started (its worker died or
 * stalled before DATA). Null: another worker holds it, or it is done.
 */
export async function claimMail(entry: EmailLogEntry): Promise<Claim | null> {
  const token = randomUUID();
  const claim = { token, messageId: `<${token}@${new URL(config.APP_URL).hostname}>` };
  const [claimed] = await EmailLogEntry.update(
    {
      state: 'sending',
      claimToken: token,
      claimedAt: new Date(),
      messageStartedAt: null,
      messageId: claim.messageId,
      attempts: entry.attempts + 1,
    },
    {
      where: {
        id: entry.id,
        [Op.or]: [{ state: 'queued' }, { ...neverStarted, claimToken: entry.claimToken ?? '' }],
      },
    },
  );
  return claimed === 1 ? claim : null;
}

/** The fence: marks the message as leaving, if the claim is still ours. False: taken over, send nothing. */
export async function markMessageStarted(id: number, claim: Claim): Promise<boolean> {
  const [marked] = await EmailLogEntry.update(
    { messageStartedAt: new Date() },
    { where: { id, claimToken: claim.token, ...neverStarted } },
  );
  return marked === 1;
}

/**
 * The claim's outcome. Conditional on the claim alone, not on the state: a worker that took this
 * one for dead may have marked the mail `uncertain` meanwhile, and the server's answer is better.
 */
export async function settleClaim(
  id: number,
  claim: Claim,
  outcome: Partial<Pick<EmailLogEntry, 'state' | 'subject' | 'messageId' | 'sentAt' | 'lastError'>>,
): Promise<void> {
  await EmailLogEntry.update({ ...outcome, claimToken: null }, { where: { id, claimToken: claim.token } });
}

/**
 * A claim left by a worker that stopped while the server was receiving the message: it may have
 * been delivered. Not sent again; staff see it and decide (the relay's log knows the Message-ID).
 */
export async function markUncertain(entry: EmailLogEntry): Promise<void> {
  await EmailLogEntry.update(
    {
      state: 'uncertain',
      lastError: `the worker stopped while the SMTP server was receiving this message (Message-ID ${entry.messageId ?? '?'}): it may have been delivered; check the relay's log before resending`,
    },
    { where: { id: entry.id, state: 'sending', claimToken: entry.claimToken } },
  );
}
