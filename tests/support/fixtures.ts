import { hashPassword } from '../../server/auth/password-hash';
import { Company, Service, Subscription, User } from '../../server/db/models';
import type { CompanyRole, Role } from '../../server/accounts/roles';
import { testClient, uniqueEmail } from './trpc-caller';

export const fixturePassword = 'fixture-password-123';
let hash: Promise<string> | undefined;

let companyCounter = 0;
/** A company with complete legal ids (invoices require them). */
export async function createCompany(overrides: Partial<Company['_creationAttributes']> = {}) {
  companyCounter += 1;
  return Company.create({
    name: `Entreprise Test ${process.pid}-${companyCounter}`,
    sector: 'Industrie',
    employeeRange: '11-20',
    address: '1 rue Didouche Mourad, Alger',
    phone: '+21321000000',
    rc: '16/00-1234567B21',
    nif: '000116001234567',
    nis: '000116001234567',
    ai: '16123456789',
    ...overrides,
  });
}

/** A user of this role; a client is their company's manager unless `companyRole` says otherwise. */
export async function createUser(role: Role, companyId: number | null = null, companyRole?: CompanyRole) {
  hash ??= hashPassword(fixturePassword);
  return User.create({
    email: uniqueEmail(role),
    passwordHash: await hash,
    firstName: role === 'client' ? 'Client' : 'Staff',
    lastName: 'Test',
    phone: '+213551000000',
    role,
    companyId,
    companyRole: role === 'client' ? (companyRole ?? 'manager') : null,
  });
}

/** A logged-in browser stand-in for a user (procedures through the real context and cookies). */
export async function loggedIn(user: User) {
  const browser = testClient();
  await browser.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
  return browser;
}

/** A client of a new company, logged in. */
export async function clientOfNewCompany() {
  const company = await createCompany();
  const user = await createUser('client', company.id);
  return { company, user, browser: await loggedIn(user) };
}

/** Makes a company a super-client: a subscription covering now. */
export async function giveActiveSubscription(companyId: number, serviceCode = 'full') {
  const service = await Service.findOne({ where: { code: serviceCode } });
  const start = new Date(Date.now() - 24 * 3600_000);
  return Subscription.create({
    companyId,
    serviceId: service!.id,
    tierMaxQty: 20,
    monthlyPriceDa: 160_000,
    months: 3,
    startAt: start,
    endAt: new Date(start.getTime() + 90 * 24 * 3600_000),
  });
}
