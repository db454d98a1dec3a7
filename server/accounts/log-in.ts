import type { z } from 'zod';
import { lucia } from '../auth/lucia';
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from '../auth/login-rate-limit';
import { burnPasswordCheck, verifyPassword } from '../auth/password-hash';
import { LoginEvent, User } from '../db/models';
import { AppError } from '../errors';
import type { RequestMeta } from '../trpc/context';
import type { loginInput } from './account-schemas';
import { openSession } from './sessions';

/**
 * Checks the rate limit first, so that a blocked e-mail or IP is refused even with the right
 * password until its window ends. Returns the new session cookie and the user.
 */
export async function logIn(input: z.infer<typeof loginInput>, meta: RequestMeta, previousSessionId?: string) {
  const wait = await loginBlockedFor(input.email, meta.ip);
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', 'errors.tooManyAttempts', { params: { minutes: Math.ceil(wait / 60_000) } });
  }
  const user = await User.findOne({ where: { email: input.email } });
  const valid = user?.passwordHash && user.active
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) {
    await recordLoginFailure(input.email, meta.ip);
    throw new AppError('UNAUTHENTICATED', 'errors.invalidCredentials');
  }
  await clearLoginFailures(input.email);
  // Session fixation: whatever session the browser had is dropped, the new one has a new id.
  if (previousSessionId) await lucia.invalidateSession(previousSessionId);
  const cookie = await openSession(user.id, meta);
  await LoginEvent.create({ userId: user.id, companyId: user.companyId, ip: meta.ip, userAgent: meta.userAgent });
  return { user, cookie };
}
