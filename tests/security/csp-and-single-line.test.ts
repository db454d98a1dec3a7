import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { Company } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createUser } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';
import { startBuiltApp, type BuiltApp } from './built-app';

/**
 * Issue 13, point 12: the Content Security Policy allows only the scripts the server wrote, by a
 * nonce fresh for every response (no 'unsafe-inline'); company names and other one-line fields
 * refuse line breaks (they end up in PDFs, mail subjects and CSV cells).
 */
let app: BuiltApp;
beforeAll(async () => {
  await seedCatalog();
  app = await startBuiltApp();
}, 120_000);
afterAll(async () => {
  await app.close();
  await closeTestResources();
});

function scriptSrc(policy: string | null): string[] {
  const directive = (policy ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src '));
  return directive?.split(/\s+/).slice(1) ?? [];
}

async function pageAndPolicy(path: string, as: Awaited<ReturnType<typeof createUser>> | null) {
  const res = await app.request(path, as);
  expect(res.status, path).toBe(200);
  return { html: await res.text(), sources: scriptSrc(res.headers.get('content-security-policy')) };
}

describe('Content Security Policy', () => {
  it('allows no inline script but those carrying the response’s own nonce, fresh each time', async () => {
    const client = await createUser('client');
    const nonces: string[] = [];
    for (const [path, as] of [
      ['/', null],
      ['/', null],
      ['/login', null],
      ['/portal', client],
    ] as const) {
      const { html, sources } = await pageAndPolicy(path, as);
      expect(sources).not.toContain("'unsafe-inline'");
      const nonce = sources.find((s) => s.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      expect(
        scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
        path,
      ).toEqual([]);
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe('one-line fields', () => {
  it('refuse a company name with a line break, in the profile and in a quote request', async () => {
    const { company, browser } = await clientOfNewCompany();
    const details = {
      name: 'Atlas\r\nBcc: victime@example.dz',
      sector: 'Industrie',
      employeeRange: '11-20',
      address: '1 rue A, Alger',
      phone: '0550000000',
    };
    const profile = await browser
      .run((api) => api.profile.updateCompany(details))
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(profile).toContain('validation.singleLine');
    expect((await Company.findByPk(company.id))!.name).not.toContain('\n');

    const quote = await browser
      .run((api) =>
        api.quotes.submit({
          company: { ...details, rc: '', nif: '', nis: '', ai: '' },
          serviceCode: 'support',
          ticketsPerMonth: 10,
          pcsCount: null,
          softwareCount: null,
          description: 'x',
          durationMonths: 12,
        }),
      )
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(quote).toContain('validation.singleLine');
  });

  it('refuse a person’s name with a line break at registration and on the contact form', async () => {
    const register = await testClient()
      .run((api) =>
        api.auth.register({
          firstName: 'Karim\nX',
          lastName: 'Haddad',
          email: uniqueEmail('one-line'),
          phone: '0550000000',
          password: 'a-long-password',
        }),
      )
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(register).toContain('validation.singleLine');
    const contact = await testClient()
      .run((api) => api.contact.submit({ name: 'Karim', email: uniqueEmail('one-line'), company: 'Atlas\nLogistique', message: 'Bonjour' }))
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(contact).toContain('validation.singleLine');
  });
});
