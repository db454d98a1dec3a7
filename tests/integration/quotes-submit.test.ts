import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { config } from '../../server/config';
import { AuditEntry, Company, EmailLogEntry, Notification, QuoteRequest } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createUser, loggedIn } from '../support/fixtures';
import { testClient } from '../support/trpc-caller';

beforeAll(seedCatalog);
afterAll(closeTestResources);

const company = (name = `Pharmacie ${Date.now()}`) => ({
  name,
  sector: 'Santé',
  employeeRange: '6-10',
  address: '12 rue Larbi Ben M’hidi, Oran',
  phone: '0550 12 34 56',
  rc: '',
  nif: '000116001234567',
  nis: '',
  ai: '',
});
const supportRequest = (overrides: Record<string, unknown> = {}) => ({
  company: company(),
  serviceCode: 'support' as const,
  ticketsPerMonth: 15,
  description: 'Imprimantes en panne, messagerie lente.',
  durationMonths: 6,
  ...overrides,
});

/** A client account as registration leaves it: no company until the first quote request. */
async function newClientWithoutCompany() {
  const user = await createUser('client');
  await user.update({ firstName: 'Yasmine', lastName: 'Haddad', phone: '+213661234567' });
  return { browser: await loggedIn(user), user };
}

/** The zod issues of a refusal, by field path. */
async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const issues = JSON.parse((error as TRPCError).message) as { path: (string | number)[]; message: string }[];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
}

describe('submitting a quote request', () => {
  it('creates the company of a client who has none, stores the estimate, and tells the client and the staff', async () => {
    const staff = await createUser('commercial');
    const { browser, user } = await newClientWithoutCompany();
    const result = await browser.run((api) => api.quotes.submit(supportRequest({ company: company('Pharmacie El Amel Test') })));

    await user.reload();
    expect(user.companyId).toBe(result.companyId);
    const created = await Company.findByPk(result.companyId);
    expect(created).toMatchObject({ name: 'Pharmacie El Amel Test', phone: '+213550123456', nif: '000116001234567', rc: null });

    const quote = (await QuoteRequest.findByPk(result.quoteId))!;
    expect(quote).toMatchObject({
      companyId: created!.id,
      requesterUserId: user.id,
      status: 'new',
      ticketsPerMonth: 15,
      pcsCount: null,
      durationMonths: 6,
    });
    // 15 tickets a month falls in the 11–20 tier of the support service.
    expect(quote.estimatedMonthlyPriceDa).toBe(120_000);
    expect(result.estimatedMonthlyPriceDa).toBe(120_000);

    expect(await AuditEntry.count({ where: { action: 'quote.submit', recordId: String(quote.id) } })).toBe(1);
    expect(await Notification.count({ where: { userId: user.id, kind: 'quoteReceived' } })).toBe(1);
    expect(await Notification.count({ where: { userId: staff.id, kind: 'newQuoteRequest' } })).toBe(1);

    const clientMail = await EmailLogEntry.findOne({ where: { recipient: user.email, template: 'quote-received' } });
    expect(clientMail?.params).toMatchObject({ reference: result.reference, estimate: expect.stringContaining('120') });
    const staffMails = await EmailLogEntry.findAll({ where: { recipient: config.STAFF_EMAIL, template: 'new-quote-request' } });
    expect(staffMails.some((m) => m.params.reference === result.reference)).toBe(true);
  });

  it('keeps the company of a client who has one and updates its details', async () => {
    const { company: existing, user, browser } = await clientOfNewCompany();
    // Its own name: other files renaming their companies share this database.
    const renamed = `Nouveau Nom ${process.pid}-${Date.now()} SARL`;
    const result = await browser.run((api) =>
      api.quotes.submit({
        company: { ...company(renamed), phone: '+213 21 00 00 01' },
        serviceCode: 'management',
        pcsCount: 25,
        softwareCount: 8,
        durationMonths: 12,
      }),
    );
    expect(result.companyId).toBe(existing.id);
    await existing.reload();
    expect(existing).toMatchObject({ name: renamed, phone: '+21321000001', sector: 'Santé' });
    await user.reload();
    expect(user.companyId).toBe(existing.id);
    expect((await QuoteRequest.findByPk(result.quoteId))!.estimatedMonthlyPriceDa).toBe(90_000);
    expect(await Company.count({ where: { name: renamed } })).toBe(1);
  });

  it('stores no estimate above the top tier (the price is negotiated)', async () => {
    const { browser } = await clientOfNewCompany();
    const result = await browser.run((api) =>
      api.quotes.submit({ ...supportRequest(), serviceCode: 'full', ticketsPerMonth: 10, pcsCount: 51, softwareCount: 3 }),
    );
    expect(result.estimatedMonthlyPriceDa).toBeNull();
    expect((await QuoteRequest.findByPk(result.quoteId))!.estimatedMonthlyPriceDa).toBeNull();
    const mail = await EmailLogEntry.findOne({ where: { template: 'quote-received', params: { reference: result.reference } } });
    expect(String(mail?.params.estimate)).toContain('commercial');
  });

  it('estimates publicly: the tier price, or null above the top tier', async () => {
    const visitor = testClient();
    expect(await visitor.run((api) => api.quotes.estimate({ serviceCode: 'management', pcsCount: 10 }))).toMatchObject({
      monthlyPriceDa: 30_000,
    });
    expect(await visitor.run((api) => api.quotes.estimate({ serviceCode: 'full', ticketsPerMonth: 12, pcsCount: 35 }))).toMatchObject({
      monthlyPriceDa: 250_000,
    });
    expect(await visitor.run((api) => api.quotes.estimate({ serviceCode: 'support', ticketsPerMonth: 51 }))).toMatchObject({
      monthlyPriceDa: null,
    });
  });
});

describe('refusals, each on its field', () => {
  it('refuses missing fields', async () => {
    const { browser } = await clientOfNewCompany();
    const errors = await fieldErrors(
      browser.run((api) =>
        api.quotes.submit({
          ...supportRequest(),
          company: { ...company(''), sector: '', address: '  ' },
          ticketsPerMonth: null,
          description: '',
        }),
      ),
    );
    expect(errors).toMatchObject({
      'company.name': 'validation.required',
      'company.sector': 'validation.required',
      'company.address': 'validation.required',
    });
    // Step-level checks run once the object's fields are valid; details are checked on their own too.
    const details = await fieldErrors(
      browser.run((api) => api.quotes.submit({ ...supportRequest(), ticketsPerMonth: null, description: '' })),
    );
    expect(details).toMatchObject({ ticketsPerMonth: 'validation.required', description: 'validation.required' });
  });

  it('refuses numbers outside 0..10,000 and non-integers', async () => {
    const { browser } = await clientOfNewCompany();
    const errors = await fieldErrors(
      browser.run((api) =>
        api.quotes.submit({ ...supportRequest(), serviceCode: 'full', ticketsPerMonth: 10_001, pcsCount: -1, softwareCount: 2.5 }),
      ),
    );
    expect(errors).toMatchObject({
      ticketsPerMonth: 'validation.quantityRange',
      pcsCount: 'validation.quantityRange',
      softwareCount: 'validation.integer',
    });
  });

  it('refuses details that do not fit the service', async () => {
    const { browser } = await clientOfNewCompany();
    const errors = await fieldErrors(browser.run((api) => api.quotes.submit({ ...supportRequest(), pcsCount: 12 })));
    expect(errors).toMatchObject({ pcsCount: 'validation.detailsDoNotFitService' });
    const management = await fieldErrors(
      browser.run((api) => api.quotes.submit({ ...supportRequest(), serviceCode: 'management', pcsCount: 5, softwareCount: 1 })),
    );
    expect(management).toMatchObject({
      ticketsPerMonth: 'validation.detailsDoNotFitService',
      description: 'validation.detailsDoNotFitService',
    });
  });

  it('refuses an invalid Algerian phone, an unknown sector or duration, and accepts the +213 form', async () => {
    const { browser } = await clientOfNewCompany();
    const errors = await fieldErrors(
      browser.run((api) =>
        api.quotes.submit({ ...supportRequest(), company: { ...company(), phone: '12345', sector: 'Pêche' }, durationMonths: 2 }),
      ),
    );
    expect(errors).toMatchObject({
      'company.phone': 'validation.phone',
      'company.sector': 'validation.choice',
      durationMonths: 'validation.durationRequired',
    });
    const ok = await browser.run((api) =>
      api.quotes.submit({ ...supportRequest(), company: { ...company(), phone: '+213 661 23 45 67' } }),
    );
    expect((await Company.findByPk(ok.companyId))!.phone).toBe('+213661234567');
  });

  it('refuses an invalid e-mail where the wizard registers the visitor', async () => {
    const errors = await fieldErrors(
      testClient().run((api) =>
        api.auth.register({
          firstName: 'A',
          lastName: 'B',
          email: 'pas-une-adresse',
          phone: '0550000000',
          password: 'mot-de-passe-solide',
        }),
      ),
    );
    expect(errors).toMatchObject({ email: 'validation.email' });
  });

  it('changes nothing when refused', async () => {
    const { browser, company: existing } = await clientOfNewCompany();
    const before = await QuoteRequest.count({ where: { companyId: existing.id } });
    await fieldErrors(
      browser.run((api) => api.quotes.submit({ ...supportRequest(), company: { ...company('Ne doit pas changer'), phone: 'abc' } })),
    );
    expect(await QuoteRequest.count({ where: { companyId: existing.id } })).toBe(before);
    await existing.reload();
    expect(existing.name).not.toBe('Ne doit pas changer');
  });

  it('is for clients: a visitor is asked to log in, a commercial is refused', async () => {
    await expect(testClient().run((api) => api.quotes.submit(supportRequest()))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const commercial = await loggedIn(await createUser('commercial'));
    await expect(commercial.run((api) => api.quotes.submit(supportRequest()))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
