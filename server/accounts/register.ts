import { Op, UniqueConstraintError } from 'sequelize';
import type { z } from 'zod';
import { safeRedirect } from '../../shared/safe-redirect';
import { resolveLocale, type Locale } from '../../shared/i18n/locales';
import { recordAudit } from '../audit/record-audit';
import { addressKey } from '../auth/login-rate-limit';
import { hashPassword } from '../auth/password-hash';
import { consumeWriteLimits } from '../auth/rate-limit';
import { sha256 } from '../auth/token-hash';
import { trustDevice } from '../auth/trusted-device';
import { config } from '../config';
import { Notification, PendingRegistration, User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { addJob } from '../jobs/queues';
import { enqueueMail } from '../mail/enqueue-mail';
import type { RequestMeta } from '../request-context';
import type { registerInput } from './account-schemas';
import { openSession } from './sessions';

/** How long a confirmation link works. */
const registrationLifetimeMs = 24 * 3600_000;

/**
 * A visitor asks for a client account. Nothing here depends on whether the address already has
 * one: the password is hashed, the request stored and queued, the same answer given. The worker
 * then mails either a confirmation link or "you already have an account" (account-requests.ts),
 * so registering cannot be used to find out who has an account (issue 13, point 9).
 */
export async function requestRegistration(input: z.infer<typeof registerInput>, locale: Locale, ip: string | null): Promise<void> {
  await consumeWriteLimits([
    ['registrationPerEmail', input.email],
    ['registrationPerAddress', addressKey(ip)],
  ]);
  const pending = await PendingRegistration.create({
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone,
    passwordHash: await hashPassword(input.password),
    locale,
    nextPath: input.next ? safeRedirect(input.next, '') || null : null,
    tokenHash: null,
    expiresAt: new Date(Date.now() + registrationLifetimeMs),
  });
  try {
    await addJob('account-requests', { kind: 'registration', registrationId: pending.id });
  } catch {
    await pending.destroy();
    throw new AppError('UNAVAILABLE', 'errors.unavailable');
  }
}

/**
 * The confirmation link was followed: the account is created as it was typed, logged in, and the
 * browser trusted (the mailbox is proven). Every other pending request for the address ends.
 * Returns the user, the cookies to set and where to go next.
 */
export async function confirmRegistration(token: string, meta: RequestMeta) {
  const { user, nextPath } = await sequelize.transaction(async (transaction) => {
    const pending = await PendingRegistration.findOne({
      where: { tokenHash: sha256(token), expiresAt: { [Op.gt]: new Date() } },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!pending) throw new AppError('BAD_INPUT', 'errors.registrationInvalid');
    await PendingRegistration.destroy({ where: { email: pending.email }, transaction });
    let created: User;
    try {
      created = await User.create(
        {
          email: pending.email,
          passwordHash: pending.passwordHash,
          firstName: pending.firstName,
          lastName: pending.lastName,
          phone: pending.phone,
          role: 'client',
          companyId: null,
          locale: pending.locale,
        },
        { transaction },
      );
    } catch (error) {
      // The address got an account meanwhile (another link of it was followed first).
      if (error instanceof UniqueConstraintError) throw new AppError('BAD_INPUT', 'errors.registrationInvalid');
      throw error;
    }
    await Notification.create(
      { userId: created.id, kind: 'welcome', params: { name: created.firstName }, link: null, readAt: null },
      { transaction },
    );
    await recordAudit(
      { actorUserId: created.id, action: 'user.register', recordType: 'user', recordId: created.id, ip: meta.ip },
      transaction,
    );
    await enqueueMail(
      {
        to: created.email,
        template: 'welcome',
        locale: resolveLocale(pending.locale),
        params: { name: created.firstName, portalUrl: new URL('/portal', config.APP_URL).toString() },
      },
      transaction,
    );
    return { user: created, nextPath: pending.nextPath };
  });
  const cookies = [await openSession(user.id, meta), await trustDevice(meta.deviceId, user.id)];
  return { user, cookies, nextPath };
}

/** Registrations never confirmed, a day after their link expired: nothing refers to them. */
export async function purgeExpiredRegistrations(): Promise<number> {
  return PendingRegistration.destroy({ where: { expiresAt: { [Op.lt]: new Date(Date.now() - 24 * 3600_000) } } });
}
