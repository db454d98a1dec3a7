import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeRedirect } from '../../shared/safe-redirect';
import { tokenMailedTo } from '../support/account-mail';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword } from '../support/fixtures';
import { uniqueEmail } from '../support/trpc-caller';
import { startBuiltApp, type BuiltApp } from './built-app';

/**
 * Issue 13, point 3: after log-in, registration and a language switch the browser goes back only
 * to a path of this site. What leaves the site is judged as a browser judges it: WHATWG URL
 * parsing (Node's is Chromium's algorithm), which drops tabs and newlines and reads "\" as "/".
 */
const site = 'https://ytech.example';
const staysOnSite = (location: string | null) => location !== null && new URL(location, site).origin === site;

// The probe (%2F%09%2Fevil.example decoded), and its relatives.
const hostile = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '//evil.example',
  '/\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  ' //evil.example',
  'https://evil.example',
  'javascript:alert(1)',
  '/\u0000/evil.example',
  '///evil.example',
  '/%09/evil.example',
];

describe('safeRedirect', () => {
  it('keeps same-site paths with their query and fragment', () => {
    expect(safeRedirect('/portal/tickets?page=2#top')).toBe('/portal/tickets?page=2#top');
    expect(safeRedirect('/quote?from=12', '/x')).toBe('/quote?from=12');
  });

  it('falls back for anything a browser would take off the site, or that is not a path', () => {
    for (const to of hostile) {
      const result = safeRedirect(to, '/portal');
      expect([JSON.stringify(to), staysOnSite(result), /[\p{Cc}\\]/u.test(result)]).toEqual([JSON.stringify(to), true, false]);
    }
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect('')).toBe('/');
  });
});

describe('the pages that redirect', () => {
  let app: BuiltApp;
  beforeAll(async () => {
    app = await startBuiltApp();
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await closeTestResources();
  });

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  it('never sends the browser off the site after a language switch, and never answers 500', async () => {
    const wrong: string[] = [];
    for (const to of hostile) {
      const res = await app.request('/language', null, form({ locale: 'en', redirectTo: to }));
      if (res.status !== 302 || !staysOnSite(res.headers.get('location')))
        wrong.push(`${JSON.stringify(to)}: ${res.status} ${res.headers.get('location')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never sends the browser off the site after log-in, and never answers 500', async () => {
    const user = await createUser('client');
    const wrong: string[] = [];
    for (const to of hostile) {
      const res = await app.request('/login', null, form({ email: user.email, password: fixturePassword, redirectTo: to }));
      if (res.status !== 302 || !staysOnSite(res.headers.get('location')))
        wrong.push(`${JSON.stringify(to)}: ${res.status} ${res.headers.get('location')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never sends the browser off the site once a registration is confirmed', async () => {
    const wrong: string[] = [];
    for (const to of ['/\t/evil.example', '//evil.example', '/\r\n/evil.example']) {
      const email = uniqueEmail('redirect');
      const registered = await app.request(
        '/register',
        null,
        form({ firstName: 'Rania', lastName: 'Hamdi', email, phone: '0661234567', password: 'un-mot-de-passe-long', redirectTo: to }),
      );
      expect(registered.status).toBe(200);
      const token = await tokenMailedTo(email, '/register/confirm/');
      const res = await app.request(`/register/confirm/${token}`, null, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
      if (res.status !== 302 || !staysOnSite(res.headers.get('location')))
        wrong.push(`${JSON.stringify(to)}: ${res.status} ${res.headers.get('location')}`);
    }
    expect(wrong).toEqual([]);
  });
});
