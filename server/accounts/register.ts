import type { z } from 'zod';
import { UniqueConstraintError } from 'sequelize';
import type { Locale } from '../../app/i18n/locales';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password-hash';
import { config } from '../config';
import { Notification, User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { enqueueMail } from '../mail/enqueue-mail';
import type { registerInput } from './account-schemas';

/** A visitor creates a client account (their company is recorded with their first quote request). */
export async function registerClient(input: z.infer<typeof registerInput>, locale: Locale, ip: string | null): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await sequelize.transaction(async (transaction) => {
      const user = await User.create(
        {
          email: input.email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone,
          role: 'client',
          companyId: null,
          locale,
        },
        { transaction },
      );
      await Notification.create({ userId: user.id, kind: 'welcome', params: { name: user.firstName }, link: null, readAt: null }, { transaction });
      await recordAudit({ actorUserId: user.id, action: 'user.register', recordType: 'user', recordId: user.id, ip }, transaction);
      await enqueueMail(
        {
          to: user.email,
          template: 'welcome',
          locale,
          params: { name: user.firstName, portalUrl: new URL('/portal', config.APP_URL).toString() },
        },
        transaction,
      );
      return user;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw new AppError('CONFLICT', 'errors.emailTaken', { field: 'email' });
    throw error;
  }
}
