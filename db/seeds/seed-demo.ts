import { hashPassword } from '../../server/auth/password-hash';
import { Company, User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { closeQueues } from '../../server/jobs/queues';
import { seedDemoPipeline, type DemoClient } from './seed-demo-pipeline';
import type { CompanyRole, Role } from '../../server/accounts/roles';

/**
 * Demo data: one account per role (credentials in the README) and companies at the stages the
 * platform knows, so that a visitor sees a living platform at once. Idempotent: skipped when the
 * demo commercial already exists.
 */
export const demoAccounts = {
  commercial: { email: 'commercial@ytech.dz', password: 'Commercial-demo-2026', firstName: 'Yacine', lastName: 'Mebarki' },
  client: { email: 'client@pharmacie-elamel.dz', password: 'Client-demo-2026', firstName: 'Nadia', lastName: 'Bouzid' },
  superClient: { email: 'superclient@atlas-logistique.dz', password: 'Super-demo-2026', firstName: 'Rachid', lastName: 'Khelifi' },
  /** Beside the super-client (Atlas's manager): a member who opens their own tickets, and its accountant. */
  member: { email: 'membre@atlas-logistique.dz', password: 'Membre-demo-2026', firstName: 'Sonia', lastName: 'Mansouri' },
  billing: { email: 'compta@atlas-logistique.dz', password: 'Compta-demo-2026', firstName: 'Farid', lastName: 'Guerroudj' },
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
  {
    key: 'sahara',
    name: 'Sahara Transports',
    sector: 'Commerce',
    employeeRange: '21-50',
    // Arabic beside French, as many Algerian companies write it: the PDFs and mails print both.
    address: 'Zone industrielle, Ouargla — المنطقة الصناعية، ورقلة',
    phone: '+21329712233',
    rc: null,
    nif: null,
    nis: null,
    ai: null,
  },
  {
    key: 'djurdjura',
    name: 'Djurdjura Textiles',
    sector: 'Industrie',
    employeeRange: '51-100',
    address: '8 rue Abane Ramdane, Tizi Ouzou',
    phone: '+21326204455',
    rc: '15/00-0456789B18',
    nif: '001515045678912',
    nis: null,
    ai: null,
  },
  {
    key: 'tassili',
    name: 'Tassili Conseil',
    sector: 'Banque & Assurance',
    employeeRange: '11-20',
    address: '40 boulevard Mohamed V, Alger',
    phone: '+21321736600',
    rc: '16/00-0765432B19',
    nif: '001916076543219',
    nis: '001916076543219',
    ai: '16076543219',
  },
  {
    key: 'hoggar',
    name: 'Hoggar Pharma Distribution',
    sector: 'Santé',
    employeeRange: '21-50',
    address: '5 avenue de l’Indépendance, Blida',
    phone: '+21325417788',
    rc: null,
    nif: '002109012345678',
    nis: null,
    ai: null,
  },
  {
    key: 'ouarsenis',
    name: 'Ouarsenis BTP',
    sector: 'PME/PMI',
    employeeRange: '6-10',
    address: '17 rue de la République, Tissemsilt',
    phone: '+21346478899',
    rc: '38/00-0011223B21',
    nif: '002138001122334',
    nis: '002138001122334',
    ai: '38001122334',
  },
] as const;

/** One contact per company that has no demo account of its own; they share the demo client's password. */
const companyContacts: Record<string, { email: string; firstName: string; lastName: string; phone: string }> = {
  numidia: { email: 'contact@numidia-conseil.dz', firstName: 'Karim', lastName: 'Boudiaf', phone: '+213660445566' },
  sahara: { email: 'contact@sahara-transports.dz', firstName: 'Amina', lastName: 'Touati', phone: '+213661778899' },
  djurdjura: { email: 'contact@djurdjura-textiles.dz', firstName: 'Mourad', lastName: 'Aït Ali', phone: '+213662101112' },
  tassili: { email: 'contact@tassili-conseil.dz', firstName: 'Leïla', lastName: 'Hamdi', phone: '+213663131415' },
  hoggar: { email: 'contact@hoggar-pharma.dz', firstName: 'Sofiane', lastName: 'Benyahia', phone: '+213664161718' },
  ouarsenis: { email: 'contact@ouarsenis-btp.dz', firstName: 'Yasmine', lastName: 'Cherif', phone: '+213665192021' },
};

export async function seedDemo(): Promise<void> {
  if (await User.findOne({ where: { email: demoAccounts.commercial.email } })) return;
  const hashes = Object.fromEntries(
    await Promise.all(Object.entries(demoAccounts).map(async ([k, a]) => [k, await hashPassword(a.password)] as const)),
  );
  const { clients, commercial } = await sequelize.transaction(async (transaction) => {
    const byKey: Record<string, Company> = {};
    for (const { key, ...company } of companies) byKey[key] = await Company.create(company, { transaction });

    const user = (account: keyof typeof demoAccounts, role: Role, companyId: number | null, phone: string, companyRole?: CompanyRole) => {
      const a = demoAccounts[account];
      return User.create(
        {
          email: a.email,
          passwordHash: hashes[account]!,
          firstName: a.firstName,
          lastName: a.lastName,
          phone,
          role,
          companyId,
          companyRole,
        },
        { transaction },
      );
    };
    const commercial = await user('commercial', 'commercial', null, '+213550100200');
    const clients: Record<string, DemoClient> = {
      elamel: { company: byKey.elamel!, user: await user('client', 'client', byKey.elamel!.id, '+213661223344') },
      atlas: { company: byKey.atlas!, user: await user('superClient', 'client', byKey.atlas!.id, '+213770112233') },
    };
    // Created before the pipeline provisions Atlas in GLPI: the member gets their GLPI account with it.
    await user('member', 'client', byKey.atlas!.id, '+213770445566', 'member');
    await user('billing', 'client', byKey.atlas!.id, '+213770778899', 'billing');
    for (const [key, contact] of Object.entries(companyContacts)) {
      const created = await User.create(
        { ...contact, passwordHash: hashes.client!, role: 'client', companyId: byKey[key]!.id },
        { transaction },
      );
      clients[key] = { company: byKey[key]!, user: created };
    }
    return { clients, commercial };
  });

  // Every stage of the sales pipeline, through the domain functions (their own transactions).
  await seedDemoPipeline(clients, commercial);
  // The pipeline queued PDF and provisioning jobs: let go of the queue connections so the seed exits.
  await closeQueues();
  console.log('Demo data created.');
}
