import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { PasswordResetToken } from '../db/models';

/**
 * A single-use link that lets its holder choose a password: the password-reset mail (one hour)
 * and the employee invitation (seven days) both carry one. Only the token's hash is stored, so a
 * leaked table opens no account; `resetPassword` consumes it.
 */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export async function issuePasswordToken(userId: number, lifetimeMs: number, transaction?: Transaction): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await PasswordResetToken.create(
    { tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + lifetimeMs), usedAt: null },
    { transaction },
  );
  return token;
}
