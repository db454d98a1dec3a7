import { recordAudit } from '../audit/record-audit';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { User } from '../db/models';
import { AppError } from '../errors';
import { endOtherSessions } from './sessions';

/** Changes the password after checking the current one; every other session of the user ends. */
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
  await user.update({ passwordHash: await hashPassword(input.newPassword) });
  await recordAudit({ actorUserId: userId, action: 'user.password_change', recordType: 'user', recordId: userId, ip });
  await endOtherSessions(userId, sessionId);
}
