import { Op, type Transaction } from 'sequelize';
import { resolveLocale } from '../../../shared/i18n/locales';
import { passwordLinkLifetimeMs, revokePasswordTokens } from '../../accounts/password-token';
import { recordAudit } from '../../audit/record-audit';
import { User } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { enqueueMail } from '../../mail/enqueue-mail';
import type { AdminActor } from '../admin-actor';
import type { CreateEmployeeInput } from './employee-schemas';

export const invitationLifetimeDays = passwordLinkLifetimeMs.invitation / 86_400_000;

/**
 * Queues the invitation. Its link (/invitation/<token>, where the first password is chosen) is
 * made when the mail is sent (server/mail/mail-links.ts), so it is never stored; any link sent
 * earlier stops working now, and the new one ends it again when it is made.
 */
async function mailInvitation(user: User, actor: AdminActor, transaction: Transaction) {
  const inviter = await User.findByPk(actor.userId, { attributes: ['firstName', 'lastName'], transaction });
  await revokePasswordTokens(user.id, transaction);
  await enqueueMail(
    {
      to: user.email,
      template: 'employee-invitation',
      locale: resolveLocale(user.locale),
      params: {
        name: user.firstName,
        invitedBy: inviter ? `${inviter.firstName} ${inviter.lastName}` : 'Y-tech',
        validDays: invitationLifetimeDays,
        userId: user.id,
      },
    },
    transaction,
  );
}

/**
 * Creates a commercial or admin account without a password: nobody, not even the admin, ever
 * knows it. The invitation mail carries a single-use link valid seven days to choose one.
 */
export async function createEmployee(actor: AdminActor, input: CreateEmployeeInput) {
  return sequelize.transaction(async (transaction) => {
    if (await User.findOne({ where: { email: input.email }, transaction })) {
      throw new AppError('CONFLICT', 'errors.emailTaken', { field: 'email' });
    }
    const user = await User.create(
      {
        email: input.email,
        passwordHash: null,
        firstName: input.firstName,
        lastName: input.lastName,
        phone: null,
        role: input.role,
        companyId: null,
        locale: input.locale,
      },
      { transaction },
    );
    await mailInvitation(user, actor, transaction);
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'employee.create',
        recordType: 'user',
        recordId: user.id,
        details: { email: user.email, role: user.role },
        ip: actor.ip,
      },
      transaction,
    );
    return { id: user.id, email: user.email, role: input.role };
  });
}

/** A new link for an employee who has not chosen a password yet (the first one expired or was lost). */
export async function resendInvitation(actor: AdminActor, userId: number) {
  await sequelize.transaction(async (transaction) => {
    const user = await User.findOne({ where: { id: userId, role: { [Op.in]: ['commercial', 'admin'] } }, transaction });
    if (!user) throw notFound();
    if (user.passwordHash !== null || !user.active) throw new AppError('CONFLICT', 'errors.admin.invitationNotPending');
    await mailInvitation(user, actor, transaction);
    await recordAudit(
      { actorUserId: actor.userId, action: 'employee.reinvite', recordType: 'user', recordId: user.id, ip: actor.ip },
      transaction,
    );
  });
  return { ok: true as const };
}
