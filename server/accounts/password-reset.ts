import type { Locale } from '../../shared/i18n/locales';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password-hash';
import { addressKey } from '../auth/login-rate-limit';
import { consumeWriteLimits } from '../auth/rate-limit';
import { trustDevice } from '../auth/trusted-device';
import { User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { addJob } from '../jobs/queues';
import { consumePasswordToken, revokePasswordTokens } from './password-token';
import { endOtherSessions } from './sessions';

/**
 * Asks for a reset link. The request does the same work whatever the address: it counts the
 * limits and queues the request; the worker looks the address up and mails a link only to an
 * account (account-requests.ts). So neither the answer nor its timing says whether the address
 * has an account.
 */
export async function requestPasswordReset(email: string, ip: string | null, locale: Locale): Promise<void> {
  await consumeWriteLimits([
    ['passwordResetPerEmail', email],
    ['passwordResetPerAddress', addressKey(ip)],
  ]);
  try {
    await addJob('account-requests', { kind: 'passwordReset', email, locale });
  } catch {
    throw new AppError('UNAVAILABLE', 'errors.unavailable');
  }
}

/**
 * Uses the link (once), sets the password, ends every other link and every session of the
 * account, and trusts this browser for it: the reset proved the mailbox (login-rate-limit.ts).
 * Returns the browser's trust cookie.
 */
export async function resetPassword(token: string, password: string, ip: string | null, deviceId: string | null): Promise<string> {
  const passwordHash = await hashPassword(password);
  const userId = await sequelize.transaction(async (transaction) => {
    const owner = await consumePasswordToken(token, transaction);
    if (owner === null) throw new AppError('BAD_INPUT', 'errors.resetInvalid');
    await User.update({ passwordHash }, { where: { id: owner }, transaction });
    await revokePasswordTokens(owner, transaction);
    await recordAudit({ actorUserId: owner, action: 'user.password_reset', recordType: 'user', recordId: owner, ip }, transaction);
    return owner;
  });
  await endOtherSessions(userId);
  return trustDevice(deviceId, userId);
}
