import type { z } from 'zod';
import type { Locale } from '../../shared/i18n/locales';
import { recordAudit } from '../audit/record-audit';
import { Company, User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { notFound } from '../errors';
import type { companyDetailsInput, updateProfileInput } from './account-schemas';

const companyFields = ['id', 'name', 'sector', 'employeeRange', 'address', 'phone', 'rc', 'nif', 'nis', 'ai'] as const;

export async function getProfile(userId: number) {
  const user = await User.findByPk(userId, {
    attributes: ['id', 'email', 'firstName', 'lastName', 'phone', 'role', 'locale', 'companyId'],
    include: [{ model: Company, as: 'company', attributes: [...companyFields] }],
  });
  if (!user) throw notFound();
  const company = (user as User & { company?: Company | null }).company ?? null;
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    phone: user.phone,
    role: user.role,
    locale: user.locale,
    company: company
      ? (Object.fromEntries(companyFields.map((f) => [f, company[f]])) as Pick<Company, (typeof companyFields)[number]>)
      : null,
  };
}

export async function updateProfile(userId: number, input: z.infer<typeof updateProfileInput>, ip: string | null) {
  await User.update(
    { firstName: input.firstName, lastName: input.lastName, phone: input.phone, ...(input.locale ? { locale: input.locale } : {}) },
    { where: { id: userId } },
  );
  await recordAudit({ actorUserId: userId, action: 'user.profile_update', recordType: 'user', recordId: userId, ip });
  return getProfile(userId);
}

/** The person's language: their pages when no cookie says otherwise, and every mail sent to them. */
export async function setLocale(userId: number, locale: Locale): Promise<void> {
  await User.update({ locale }, { where: { id: userId } });
}

/** A client edits their own company only: the id comes from their account, never from the input. */
export async function updateOwnCompany(userId: number, companyId: number, input: z.infer<typeof companyDetailsInput>, ip: string | null) {
  await sequelize.transaction(async (transaction) => {
    const [count] = await Company.update(input, { where: { id: companyId }, transaction });
    if (count === 0 && !(await Company.findByPk(companyId, { transaction }))) throw notFound();
    await recordAudit({ actorUserId: userId, action: 'company.update', recordType: 'company', recordId: companyId, ip }, transaction);
  });
  return getProfile(userId);
}
