import { Op } from 'sequelize';
import { resolveLocale, type Locale } from '../../shared/i18n/locales';
import { config } from '../config';
import { PendingRegistration, User } from '../db/models';
import { enqueueMail } from '../mail/enqueue-mail';

/**
 * What the worker does with a registration or a password-reset request: only here is the address
 * looked up, away from the visitor's request, so that neither its answer nor its timing depends on
 * whether the address has an account. The mails carry no link yet: links are made when the mail
 * is sent (server/mail/mail-links.ts), so none is ever stored.
 */
const absolute = (path: string) => new URL(path, config.APP_URL).toString();

export async function handleRegistrationRequest(registrationId: number): Promise<void> {
  const pending = await PendingRegistration.findOne({ where: { id: registrationId, expiresAt: { [Op.gt]: new Date() } } });
  if (!pending) return;
  const existing = await User.findOne({ where: { email: pending.email } });
  if (existing) {
    // The address already has an account: its owner is told so, and nothing is created.
    await pending.destroy();
    await enqueueMail({
      to: existing.email,
      template: 'account-exists',
      locale: resolveLocale(existing.locale),
      params: { name: existing.firstName, loginUrl: absolute('/login'), resetUrl: absolute('/forgot-password') },
    });
    return;
  }
  await enqueueMail({
    to: pending.email,
    template: 'registration-confirm',
    locale: resolveLocale(pending.locale),
    params: { name: pending.firstName, registrationId: pending.id },
  });
}

export async function handlePasswordResetRequest(email: string, locale: Locale): Promise<void> {
  const user = await User.findOne({ where: { email, active: true } });
  if (!user) return;
  await enqueueMail({
    to: user.email,
    template: 'password-reset',
    locale: user.locale === 'fr' ? locale : resolveLocale(user.locale),
    params: { name: user.firstName, userId: user.id },
  });
}
