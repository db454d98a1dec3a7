import type { Transaction } from 'sequelize';
import { revokePasswordTokens } from '../accounts/password-token';
import type { CompanyRole } from '../accounts/roles';
import { lucia } from '../auth/lucia';
import { recordAudit } from '../audit/record-audit';
import { User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError, notFound } from '../errors';
import type { CompanyUsersActor } from './invite-company-user';
import { requestGlpiAccounts } from './request-glpi-accounts';

/**
 * Loads another person of the company for a change. Nobody changes their own role or access: a
 * manager cannot leave the company without one, and staff act only on clients.
 */
async function otherPersonOf(actor: CompanyUsersActor, companyId: number, userId: number, transaction: Transaction) {
  if (userId === actor.userId) throw new AppError('FORBIDDEN', 'errors.companyUsers.notYourself');
  const user = await User.findOne({ where: { id: userId, companyId, role: 'client' }, transaction, lock: transaction.LOCK.UPDATE });
  if (!user) throw notFound();
  return user;
}

export async function changeCompanyRole(actor: CompanyUsersActor, companyId: number, userId: number, companyRole: CompanyRole) {
  const changed = await sequelize.transaction(async (transaction) => {
    const user = await otherPersonOf(actor, companyId, userId, transaction);
    if (user.companyRole === companyRole) return false;
    const from = user.companyRole;
    await user.update({ companyRole }, { transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'company_user.role_change',
        recordType: 'user',
        recordId: user.id,
        details: { companyId, from, to: companyRole },
        ip: actor.ip,
      },
      transaction,
    );
    return true;
  });
  // The GLPI account follows the role: given to a member or manager, taken from billing.
  if (changed) await requestGlpiAccounts(companyId);
  return { ok: true as const };
}

/**
 * Ends the person's access at once: every session is deleted, an unused invitation stops working,
 * and their GLPI account loses the company's entity. The row stays (tickets and the audit log name them).
 */
export async function deactivateCompanyUser(actor: CompanyUsersActor, companyId: number, userId: number) {
  const changed = await sequelize.transaction(async (transaction) => {
    const user = await otherPersonOf(actor, companyId, userId, transaction);
    if (!user.active) return false;
    await user.update({ active: false }, { transaction });
    await revokePasswordTokens(user.id, transaction);
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'company_user.deactivate',
        recordType: 'user',
        recordId: user.id,
        details: { companyId },
        ip: actor.ip,
      },
      transaction,
    );
    return true;
  });
  // After the commit: a request racing this one is refused by the active check in the context anyway.
  await lucia.invalidateUserSessions(userId);
  if (changed) await requestGlpiAccounts(companyId);
  return { ok: true as const };
}

export async function reactivateCompanyUser(actor: CompanyUsersActor, companyId: number, userId: number) {
  const changed = await sequelize.transaction(async (transaction) => {
    const user = await otherPersonOf(actor, companyId, userId, transaction);
    if (user.active) return false;
    await user.update({ active: true }, { transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'company_user.reactivate',
        recordType: 'user',
        recordId: user.id,
        details: { companyId },
        ip: actor.ip,
      },
      transaction,
    );
    return true;
  });
  if (changed) await requestGlpiAccounts(companyId);
  return { ok: true as const };
}
