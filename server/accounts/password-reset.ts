import { Op } from 'sequelize';
import type { Locale } from '../../app/i18n/locales';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password-hash';
import { consumeRateLimit } from '../auth/rate-limit';
import { config } from '../config';
import { PasswordResetToken, User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { enqueueMail } from '../mail/enqueue-mail';
import { issuePasswordToken, sha256 } from './password-token';
import { endOtherSessions } from './sessions';

const resetLifetimeMs = 60 * 60 * 1000;

/**
 * Mails a single-use link valid one hour. Answers the same whether or not the e-mail has an
 * account, so the form cannot be used to discover accounts. Rate limited per e-mail and per IP.
 */
export async function requestPasswordReset(email: string, ip: string | null, fallbackLocale: Locale): Promise<void> {
  const waits = await Promise.all([
    consumeRateLimit('reset-email', email, 3, 15 * 60_000),
    ...(ip ? [consumeRateLimit('reset-ip', ip, 10, 15 * 60_000)] : []),
  ]);
  const wait = Math.max(...waits);
  if (wait > 0) throw new AppError('RATE_LIMITED', 'errors.tooManyRequests', { params: { minutes: Math.ceil(wait / 60_000) } });

  const user = await User.findOne({ where: { email, active: true } });
  if (!user) return;
  await sequelize.transaction(async (transaction) => {
    const token = await issuePasswordToken(user.id, resetLifetimeMs, transaction);
    await enqueueMail(
      {
        to: user.email,
        template: 'password-reset',
        locale: user.locale === 'en' ? 'en' : fallbackLocale,
        params: { name: user.firstName, resetUrl: new URL(`/reset-password/${token}`, config.APP_URL).toString() },
      },
      transaction,
    );
  });
}

/** Consumes the token (once), sets the password and ends every session of the account. */
export async function resetPassword(token: string, password: string, ip: string | null): Promise<void> {
  const passwordHash = await hashPassword(password);
  const userId = await sequelize.transaction(async (transaction) => {
    // The conditional UPDATE is the single-use guarantee: two concurrent uses cannot both match.
    const [used] = await PasswordResetToken.update(
      { usedAt: new Date() },
      { where: { tokenHash: sha256(token), usedAt: null, expiresAt: { [Op.gt]: new Date() } }, transaction },
    );
    if (used !== 1) throw new AppError('BAD_INPUT', 'errors.resetInvalid');
    const row = await PasswordResetToken.findByPk(sha256(token), { transaction });
    await User.update({ passwordHash }, { where: { id: row!.userId }, transaction });
    await recordAudit({ actorUserId: row!.userId, action: 'user.password_reset', recordType: 'user', recordId: row!.userId, ip }, transaction);
    return row!.userId;
  });
  await endOtherSessions(userId);
}
