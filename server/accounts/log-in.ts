import type { z } from 'zod';
import { lucia } from '../auth/lucia';
import { startLoginAttempt } from '../auth/login-rate-limit';
import { burnPasswordCheck, verifyPassword } from '../auth/password-hash';
import { isTrustedDevice, trustDevice } from '../auth/trusted-device';
import { LoginEvent, User } from '../db/models';
import { AppError } from '../errors';
import type { RequestMeta } from '../request-context';
import type { loginInput } from './account-schemas';
import { openSession } from './sessions';

/**
 * Counts the attempt first (login-rate-limit.ts), then checks the password; a refused attempt
 * checks nothing, even with the right password. Returns the user and the cookies to set: the new
 * session, and the browser's trust for this account.
 */
export async function logIn(input: z.infer<typeof loginInput>, meta: RequestMeta, previousSessionId?: string) {
  const user = await User.findOne({ where: { email: input.email } });
  // Asked for an unknown e-mail too, so that the time taken does not say whether it has an account.
  const trusted = await isTrustedDevice(meta.deviceId, user?.id ?? 0);
  const attempt = await startLoginAttempt(input.email, meta.ip, trusted ? meta.deviceId : null);
  const valid =
    user?.passwordHash && user.active
      ? await verifyPassword(user.passwordHash, input.password)
      : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) throw new AppError('UNAUTHENTICATED', 'errors.invalidCredentials');
  await attempt.succeeded();
  // Session fixation: whatever session the browser had is dropped, the new one has a new id.
  if (previousSessionId) await lucia.invalidateSession(previousSessionId);
  const cookies = [await openSession(user.id, meta), await trustDevice(meta.deviceId, user.id)];
  await LoginEvent.create({ userId: user.id, companyId: user.companyId, ip: meta.ip, userAgent: meta.userAgent });
  return { user, cookies };
}
