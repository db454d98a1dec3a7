import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/create-app';
import { maxBodyBytes } from '../../server/http/request-size-limit';
import { listPaymentMethods, listPublicServices } from '../../server/catalog/public-catalog';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword } from '../support/fixtures';
import { uniqueEmail } from '../support/trpc-caller';

// The real web server (express + the production Remix build, tRPC included) on an ephemeral port.
let server: Server;
let base: string;

beforeAll(async () => {
  const buildFile = path.resolve('build/index.js');
  if (!existsSync(buildFile)) execFileSync('npx', ['remix', 'build'], { stdio: 'ignore' });
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  server = createApp(build).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeTestResources();
});

const registerBody = (email: string) =>
  JSON.stringify({ json: { firstName: 'Karim', lastName: 'Haddad', email, phone: '+213 661 23 45 67', password: 'a-long-password' } });

describe('HTTP: origin check, cookies, tRPC endpoint', () => {
  it('refuses a state-changing request from a foreign origin with 403 and changes nothing', async () => {
    const email = uniqueEmail('csrf');
    const res = await fetch(`${base}/api/trpc/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: registerBody(email),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    const { User } = await import('../../server/db/models');
    expect(await User.count({ where: { email } })).toBe(0);

    const form = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'email=a%40b.dz&password=whatever',
    });
    expect(form.status).toBe(403);
  });

  it('refuses a POST with no Origin and no Referer', async () => {
    const res = await fetch(`${base}/logout`, { method: 'POST' });
    expect(res.status).toBe(403);
  });

  it('accepts a log-in from our own origin and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const user = await createUser('client');
    const res = await fetch(`${base}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ json: { email: user.email, password: fixturePassword } }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ytech_session=')) ?? '';
    expect(cookie).toMatch(/^ytech_session=[^;]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // Secure only in production, where the site is HTTPS
  });

  it('answers unknown pages with a 404 page and sends security headers', async () => {
    const res = await fetch(`${base}/no-such-page`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page introuvable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('reports health of the database and Redis', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    // No replica configured: the list is empty (read replicas, decision 070).
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok', replicas: [] });
  });
});

describe('HTTP: the tRPC endpoint speaks tRPC', () => {
  type Envelope = {
    result?: { data: { json: unknown } };
    error?: { json: { message: string; data: { code: string; httpStatus: number } } };
  };

  it('answers a batch of queries in order, as the browser client sends them', async () => {
    await seedCatalog();
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { q: 'zz-no-such-question' } } }));
    const res = await fetch(`${base}/api/trpc/catalog.faq,catalog.paymentMethods,catalog.services?batch=1&input=${input}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as Envelope[];
    expect(body.map((entry) => entry.result!.data.json)).toEqual([
      [],
      await listPaymentMethods(),
      JSON.parse(JSON.stringify(await listPublicServices())),
    ]);
    expect((await listPaymentMethods()).length).toBeGreaterThan(0);
  });

  it('answers an unknown procedure with NOT_FOUND and a query sent as POST with 405', async () => {
    const missing = await fetch(`${base}/api/trpc/catalog.nothingHere`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Envelope).error!.json.data.code).toBe('NOT_FOUND');
    const wrongMethod = await fetch(`${base}/api/trpc/catalog.services`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: '{}',
    });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as Envelope).error!.json.data.code).toBe('METHOD_NOT_SUPPORTED');
  });

  it('refuses a body over the limit with 413 before running the procedure', async () => {
    const email = uniqueEmail('too-large');
    const padding = 'x'.repeat(maxBodyBytes);
    const res = await fetch(`${base}/api/trpc/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({
        json: { firstName: padding, lastName: 'Haddad', email, phone: '+213 661 23 45 67', password: 'a-long-password' },
      }),
    });
    expect(res.status).toBe(413);
    const { User } = await import('../../server/db/models');
    expect(await User.count({ where: { email } })).toBe(0);
  });
});
