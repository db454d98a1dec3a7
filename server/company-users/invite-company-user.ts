import type { Transaction } from 'sequelize';
import { resolveLocale } from '../../shared/i18n/locales';
import { passwordLinkLifetimeMs, revokePasswordTokens } from '../accounts/password-token';
import { ticketRoles, type CompanyRole } from '../accounts/roles';
import { recordAudit } from '../audit/record-audit';
import { Company, User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError, notFound } from '../errors';
import { enqueueMail } from '../mail/enqueue-mail';
import type { InviteCompanyUserInput } from './company-user-schemas';
import { requestGlpiAccounts } from './request-glpi-accounts';

/** Who changes a company's people: its manager from the portal, or staff from the back office. */
export type CompanyUsersActor = { userId: number; ip: string | null };

const validDays = passwordLinkLifetimeMs.invitation / 86_400_000;

/**
 * The invitation mail: the same single-use "choose a password" link as the staff invitation,
 * made when the mail is sent (server/mail/mail-links.ts), never stored.
 */
async function mailInvitation(user: User, company: Company, actor: CompanyUsersActor, transaction: Transaction) {
  const inviter = await User.findByPk(actor.userId, { attributes: ['firstName', 'lastName'], transaction });
  await revokePasswordTokens(user.id, transaction);
  await enqueueMail(
    {
      to: user.email,
      template: 'company-invitation',
      locale: resolveLocale(user.locale),
      params: {
        name: user.firstName,
        invitedBy: inviter ? `${inviter.firstName} ${inviter.lastName}` : 'Y-tech',
        company: company.name,
        validDays,
        userId: user.id,
      },
    },
    transaction,
  );
}

/**
 * Adds a person to the company, without a password: the invitation lets them choose one. An
 * address that already has an account (of this company, another one, or staff) is refused and
 * nothing is written: an account never moves between companies.
 */
export async function inviteCompanyUser(actor: CompanyUsersActor, companyId: number, input: InviteCompanyUserInput) {
  const created = await sequelize.transaction(async (transaction) => {
    const company = await Company.findByPk(companyId, { transaction });
    if (!company) throw notFound();
    const existing = await User.findOne({ where: { email: input.email }, attributes: ['id', 'companyId', 'role'], transaction });
    if (existing?.id === actor.userId) throw new AppError('BAD_INPUT', 'errors.companyUsers.notYourself', { field: 'email' });
    if (existing) {
      const sameCompany = existing.role === 'client' && existing.companyId === companyId;
      throw new AppError('CONFLICT', sameCompany ? 'errors.companyUsers.alreadyMember' : 'errors.companyUsers.emailTaken', {
        field: 'email',
      });
    }
    const user = await User.create(
      {
        email: input.email,
        passwordHash: null,
        firstName: input.firstName,
        lastName: input.lastName,
        phone: null,
        role: 'client',
        companyId,
        companyRole: input.companyRole,
        locale: input.locale,
      },
      { transaction },
    );
    await mailInvitation(user, company, actor, transaction);
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'company_user.invite',
        recordType: 'user',
        recordId: user.id,
        details: { companyId, email: user.email, companyRole: input.companyRole },
        ip: actor.ip,
      },
      transaction,
    );
    return user;
  });
  if (ticketRoles.includes(input.companyRole)) await requestGlpiAccounts(companyId);
  return { id: created.id, email: created.email, companyRole: input.companyRole };
}

/** A new link for a person of the company who has not chosen a password yet. */
export async function resendCompanyInvitation(actor: CompanyUsersActor, companyId: number, userId: number) {
  await sequelize.transaction(async (transaction) => {
    const user = await User.findOne({ where: { id: userId, companyId, role: 'client' }, transaction, lock: transaction.LOCK.UPDATE });
    if (!user) throw notFound();
    if (user.passwordHash !== null || !user.active) throw new AppError('CONFLICT', 'errors.admin.invitationNotPending');
    const company = await Company.findByPk(companyId, { transaction, rejectOnEmpty: true });
    await mailInvitation(user, company, actor, transaction);
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'company_user.reinvite',
        recordType: 'user',
        recordId: user.id,
        details: { companyId },
        ip: actor.ip,
      },
      transaction,
    );
  });
  return { ok: true as const };
}

/** The company's people, deactivated ones included (their names stay on tickets and documents). */
export async function listCompanyUsers(companyId: number) {
  const users = await User.findAll({
    where: { companyId, role: 'client' },
    attributes: ['id', 'email', 'firstName', 'lastName', 'companyRole', 'active', 'passwordHash', 'createdAt'],
    order: [
      ['active', 'DESC'],
      ['lastName', 'ASC'],
      ['firstName', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    companyRole: (user.companyRole ?? 'manager') as CompanyRole,
    active: user.active,
    invitationPending: user.passwordHash === null,
    createdAt: user.createdAt,
  }));
}
