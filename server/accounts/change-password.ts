import { recordAudit } from '../audit/record-audit';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { revokePasswordTokens } from './password-token';
import { endOtherSessions } from './sessions';

/**
 * Changes the password after checking the current one; every reset or invitation link still
 * unused stops working, and every other session of the user ends.
 */
export async function changePassword(
  userId: number,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  const user = await User.findByPk(userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('BAD_INPUT', 'errors.wrongCurrentPassword', { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await sequelize.transaction(async (transaction) => {
    await user.update({ passwordHash }, { transaction });
    await revokePasswordTokens(userId, transaction);
    await recordAudit({ actorUserId: userId, action: 'user.password_change', recordType: 'user', recordId: userId, ip }, transaction);
  });
  await endOtherSessions(userId, sessionId);
}
