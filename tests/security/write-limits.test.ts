import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { ContactMessage, GlpiOutboxEntry, PendingRegistration, QuoteRequest } from '../../server/db/models';
import { refusal } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createCompany, createUser, giveActiveSubscription, loggedIn } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';
import { uniqueAddress } from '../support/unique-address';

/**
 * Issue 13, point 7: every write anyone can make is limited before it is made — registrations
 * (each mails an address), quote requests and contact messages (each mails the sales team) and
 * tickets (each is written to GLPI). A refusal stores nothing and says how long to wait.
 */
beforeAll(seedCatalog);
afterAll(closeTestResources);

const tooMany = { code: 'TOO_MANY_REQUESTS', message: 'errors.tooManyRequests' };

const registration = (email: string) => ({
  firstName: 'Inès',
  lastName: 'Belaïd',
  email,
  phone: '0661234567',
  password: 'un-mot-de-passe-long',
});

describe('registrations', () => {
  it('are limited per address: the eleventh in an hour is refused and stores nothing', async () => {
    const visitor = testClient(uniqueAddress());
    for (let i = 0; i < 10; i++) await visitor.run((api) => api.auth.register(registration(uniqueEmail('many'))));
    const email = uniqueEmail('one-too-many');
    expect(await refusal(visitor.run((api) => api.auth.register(registration(email))))).toMatchObject(tooMany);
    expect(await PendingRegistration.count({ where: { email } })).toBe(0);
  });

  it('are limited per address registered, whatever the addresses they come from: a mailbox cannot be flooded', async () => {
    const victim = uniqueEmail('victim');
    for (let i = 0; i < 3; i++) await testClient(uniqueAddress()).run((api) => api.auth.register(registration(victim)));
    expect(await refusal(testClient(uniqueAddress()).run((api) => api.auth.register(registration(victim))))).toMatchObject(tooMany);
    expect(await PendingRegistration.count({ where: { email: victim } })).toBe(3);
  });
});

const quote = () => ({
  company: {
    name: 'Atlas Test',
    sector: 'Santé',
    employeeRange: '6-10',
    address: '1 rue A, Oran',
    phone: '0550123456',
    rc: '',
    nif: '',
    nis: '',
    ai: '',
  },
  serviceCode: 'support' as const,
  ticketsPerMonth: 15,
  description: 'Imprimantes en panne.',
  durationMonths: 6,
});

describe('quote requests', () => {
  it('are limited per account: the sixth in an hour is refused and mails no one', async () => {
    const { company, browser } = await clientOfNewCompany();
    for (let i = 0; i < 5; i++) await browser.run((api) => api.quotes.submit(quote()));
    expect(await refusal(browser.run((api) => api.quotes.submit(quote())))).toMatchObject(tooMany);
    expect(await QuoteRequest.count({ where: { companyId: company.id } })).toBe(5);
  });
});

describe('contact messages', () => {
  it('are limited per address: the sixth in an hour is refused', async () => {
    const visitor = testClient(uniqueAddress());
    const email = uniqueEmail('contact');
    for (let i = 0; i < 5; i++) await visitor.run((api) => api.contact.submit({ name: 'Visiteur', email, message: 'Bonjour' }));
    expect(await refusal(visitor.run((api) => api.contact.submit({ name: 'Visiteur', email, message: 'Bonjour' })))).toMatchObject(tooMany);
    expect(await ContactMessage.count({ where: { email } })).toBe(5);
  });
});

describe('tickets', () => {
  it('are limited per user: the thirty-first in an hour is refused and never reaches the outbox', async () => {
    const company = await createCompany();
    await giveActiveSubscription(company.id);
    const user = await createUser('client', company.id);
    const browser = await loggedIn(user);
    const ticket = { title: 'Poste bloqué', content: 'Écran noir au démarrage.', urgency: 3, type: 'incident' as const };
    for (let i = 0; i < 30; i++) await browser.run((api) => api.portal.tickets.create(ticket));
    expect(await refusal(browser.run((api) => api.portal.tickets.create(ticket)))).toMatchObject(tooMany);
    expect(await GlpiOutboxEntry.count({ where: { userId: user.id, kind: 'ticket' } })).toBe(30);
  });
});
