import { hashPassword } from '../../server/auth/password-hash';
import { Company, Service, Subscription, User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import type { Role } from '../../server/accounts/roles';

/**
 * Demo data: one account per role (credentials in the README) and companies at the stages the
 * platform knows, so that a visitor sees a living platform at once. Idempotent: skipped when the
 * demo commercial already exists.
 */
export const demoAccounts = {
  commercial: { email: 'commercial@ytech.dz', password: 'Commercial-demo-2026', firstName: 'Yacine', lastName: 'Mebarki' },
  client: { email: 'client@pharmacie-elamel.dz', password: 'Client-demo-2026', firstName: 'Nadia', lastName: 'Bouzid' },
  superClient: { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026', firstName: 'Rachid', lastName: 'Khelifi' },
} as const;

const companies = [
  {
    key: 'atlas',
    name: 'Atlas Logistique SARL',
    sector: 'Commerce',
    employeeRange: '51-100',
    address: '12 rue Hassiba Ben Bouali, Alger',
    phone: '+21321654321',
    rc: '16/00-0987654B12',
    nif: '001216098765432',
    nis: '001216098765432',
    ai: '16012345678',
  },
  {
    key: 'elamel',
    name: 'Pharmacie El Amel',
    sector: 'Santé',
    employeeRange: '6-10',
    address: '3 boulevard de la Soummam, Oran',
    phone: '+21341223344',
    rc: null,
    nif: null,
    nis: null,
    ai: null,
  },
  {
    key: 'numidia',
    name: 'Numidia Conseil',
    sector: 'Informatique',
    employeeRange: '11-20',
    address: "25 avenue de l'ALN, Constantine",
    phone: '+21331876543',
    rc: '25/00-0123456B20',
    nif: '002525012345678',
    nis: '002525012345678',
    ai: '25098765432',
  },
] as const;

export async function seedDemo(): Promise<void> {
  if (await User.findOne({ where: { email: demoAccounts.commercial.email } })) return;
  const hashes = Object.fromEntries(
    await Promise.all(Object.entries(demoAccounts).map(async ([k, a]) => [k, await hashPassword(a.password)] as const)),
  );
  await sequelize.transaction(async (transaction) => {
    const byKey: Record<string, Company> = {};
    for (const { key, ...company } of companies) byKey[key] = await Company.create(company, { transaction });

    const user = (account: keyof typeof demoAccounts, role: Role, companyId: number | null, phone: string) => {
      const a = demoAccounts[account];
      return User.create(
        { email: a.email, passwordHash: hashes[account]!, firstName: a.firstName, lastName: a.lastName, phone, role, companyId },
        { transaction },
      );
    };
    await user('commercial', 'commercial', null, '+213550100200');
    await user('client', 'client', byKey.elamel!.id, '+213661223344');
    await user('superClient', 'client', byKey.atlas!.id, '+213770112233');

    // Atlas Logistique has a running full-pack subscription: two months in, four to go.
    const full = await Service.findOne({ where: { code: 'full' }, transaction });
    const start = new Date();
    start.setUTCMonth(start.getUTCMonth() - 2);
    const end = new Date(start);
    end.setUTCMonth(end.getUTCMonth() + 6);
    await Subscription.create(
      { companyId: byKey.atlas!.id, serviceId: full!.id, tierMaxQty: 30, monthlyPriceDa: 210_000, months: 6, startAt: start, endAt: end },
      { transaction },
    );
  });
  console.log('Demo data created.');
}
