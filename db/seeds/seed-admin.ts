import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../server/auth/password-hash';
import { config } from '../../server/config';
import { User } from '../../server/db/models';

/**
 * The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD. Without a password, one is generated and
 * printed once: it is stored only as its hash.
 */
export async function seedAdmin(): Promise<void> {
  if (await User.findOne({ where: { email: config.ADMIN_EMAIL } })) return;
  const password = config.ADMIN_PASSWORD || randomBytes(12).toString('base64url');
  await User.create({
    email: config.ADMIN_EMAIL,
    passwordHash: await hashPassword(password),
    firstName: 'Admin',
    lastName: 'Y-tech',
    phone: null,
    role: 'admin',
    companyId: null,
  });
  console.log(
    config.ADMIN_PASSWORD
      ? `Admin created: ${config.ADMIN_EMAIL} (password from ADMIN_PASSWORD)`
      : `Admin created: ${config.ADMIN_EMAIL} / ${password}  — this password is shown only once.`,
  );
}
