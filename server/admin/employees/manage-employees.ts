import { Op, col, fn, type Transaction } from 'sequelize';
import { lucia } from '../../auth/lucia';
import { recordAudit } from '../../audit/record-audit';
import { revokePasswordTokens } from '../../accounts/password-token';
import { LoginEvent, User } from '../../db/models';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import type { AdminActor } from '../admin-actor';
import { employeeRoles } from './employee-schemas';

type EmployeeRole = (typeof employeeRoles)[number];

/** Every commercial and admin, deactivated ones included (their names stay in the history). */
export async function listEmployees() {
  const users = await User.findAll({
    where: { role: { [Op.in]: [...employeeRoles] } },
    order: [
      ['active', 'DESC'],
      ['lastName', 'ASC'],
      ['firstName', 'ASC'],
    ],
  });
  const lastLogins = await LoginEvent.findAll({
    attributes: ['userId', [fn('MAX', col('created_at')), 'lastLoginAt']],
    where: { userId: { [Op.in]: users.map((u) => u.id) } },
    group: ['userId'],
    raw: true,
  });
  const lastLoginOf = new Map(lastLogins.map((row) => [row.userId, (row as unknown as { lastLoginAt: Date | string }).lastLoginAt]));
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    firstName: u.firstName,
    lastName: u.lastName,
    role: u.role as EmployeeRole,
    active: u.active,
    invitationPending: u.passwordHash === null,
    createdAt: u.createdAt,
    lastLoginAt: lastLoginOf.has(u.id) ? new Date(lastLoginOf.get(u.id)!) : null,
  }));
}

/** Loads another employee for a change; an admin never changes their own role or access. */
async function otherEmployee(actor: AdminActor, userId: number, transaction: Transaction) {
  if (userId === actor.userId) throw new AppError('FORBIDDEN', 'errors.admin.notYourself');
  const user = await User.findOne({
    where: { id: userId, role: { [Op.in]: [...employeeRoles] } },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (!user) throw notFound();
  return user;
}

export async function changeEmployeeRole(actor: AdminActor, userId: number, role: EmployeeRole) {
  await sequelize.transaction(async (transaction) => {
    const user = await otherEmployee(actor, userId, transaction);
    if (user.role === role) return;
    const from = user.role;
    await user.update({ role }, { transaction });
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'employee.role_change',
        recordType: 'user',
        recordId: user.id,
        details: { from, to: role },
        ip: actor.ip,
      },
      transaction,
    );
  });
  return { ok: true as const };
}

/**
 * Ends the employee's access at once: the row is kept (documents and the audit log name them),
 * every session is deleted, and an unused invitation or reset link stops working.
 */
export async function deactivateEmployee(actor: AdminActor, userId: number) {
  await sequelize.transaction(async (transaction) => {
    const user = await otherEmployee(actor, userId, transaction);
    if (!user.active) return;
    await user.update({ active: false }, { transaction });
    await revokePasswordTokens(user.id, transaction);
    await recordAudit(
      { actorUserId: actor.userId, action: 'employee.deactivate', recordType: 'user', recordId: user.id, ip: actor.ip },
      transaction,
    );
  });
  // After the commit: a request racing this one is refused by the active check in the context anyway.
  await lucia.invalidateUserSessions(userId);
  return { ok: true as const };
}

export async function reactivateEmployee(actor: AdminActor, userId: number) {
  await sequelize.transaction(async (transaction) => {
    const user = await otherEmployee(actor, userId, transaction);
    if (user.active) return;
    await user.update({ active: true }, { transaction });
    await recordAudit(
      { actorUserId: actor.userId, action: 'employee.reactivate', recordType: 'user', recordId: user.id, ip: actor.ip },
      transaction,
    );
  });
  return { ok: true as const };
}
