import { randomBytes } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { sha256 } from '../auth/token-hash';
import { PasswordResetToken } from '../db/models';

/**
 * A single-use link that lets its holder choose a password: the password-reset mail (one hour)
 * and the employee invitation (seven days) both carry one. Only the token's hash is stored, so a
 * leaked table opens no account. At most one link of an account works at any time: a new one
 * ends the older ones, and so does any change of the password.
 */
export const passwordLinkLifetimeMs = { reset: 60 * 60 * 1000, invitation: 7 * 24 * 3600_000 } as const;

/** A new link for this account; every earlier unused one stops working. Called when the mail is sent (mail-links.ts). */
export async function issuePasswordToken(
  userId: number,
  purpose: keyof typeof passwordLinkLifetimeMs,
  transaction: Transaction,
): Promise<string> {
  await revokePasswordTokens(userId, transaction);
  const token = randomBytes(32).toString('base64url');
  await PasswordResetToken.create(
    { tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + passwordLinkLifetimeMs[purpose]), usedAt: null },
    { transaction },
  );
  return token;
}

/** Ends every unused link of the account: on a new link, and whenever its password changes. */
export async function revokePasswordTokens(userId: number, transaction?: Transaction): Promise<void> {
  await PasswordResetToken.update({ usedAt: new Date() }, { where: { userId, usedAt: null }, transaction });
}

/**
 * Uses a link up: the account it opens, or null when it is unknown, used, ended or expired. The
 * conditional UPDATE is the single-use guarantee: two concurrent uses cannot both match.
 */
export async function consumePasswordToken(token: string, transaction: Transaction): Promise<number | null> {
  const tokenHash = sha256(token);
  const [used] = await PasswordResetToken.update(
    { usedAt: new Date() },
    { where: { tokenHash, usedAt: null, expiresAt: { [Op.gt]: new Date() } }, transaction },
  );
  if (used !== 1) return null;
  return (await PasswordResetToken.findByPk(tokenHash, { transaction, rejectOnEmpty: true })).userId;
}
