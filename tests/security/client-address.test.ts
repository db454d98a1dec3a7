import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LoginEvent } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword } from '../support/fixtures';
import { startBuiltApp, type BuiltApp } from './built-app';

/**
 * Issue 13, point 4: the client's address is the socket's, or the one the proxy the deployment
 * declares (TRUST_PROXY) appended to X-Forwarded-For; whatever the client wrote there itself is
 * never believed. This test plays the proxy: its requests come from 127.0.0.1.
 */
let app: BuiltApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeTestResources);

const forged = '203.0.113.7';

async function logInOverHttp(xForwardedFor: string) {
  const user = await createUser('client');
  const res = await fetch(`${app!.base}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app!.base, 'x-forwarded-for': xForwardedFor, 'x-real-ip': forged },
    body: JSON.stringify({ json: { email: user.email, password: fixturePassword } }),
  });
  expect(res.status).toBe(200);
  return (await LoginEvent.findOne({ where: { userId: user.id }, rejectOnEmpty: true })).ip;
}

async function logInThroughThePage(xForwardedFor: string) {
  const user = await createUser('client');
  const res = await fetch(`${app!.base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app!.base, 'x-forwarded-for': xForwardedFor },
    body: new URLSearchParams({ email: user.email, password: fixturePassword }).toString(),
  });
  expect(res.status).toBe(302);
  return (await LoginEvent.findOne({ where: { userId: user.id }, rejectOnEmpty: true })).ip;
}

describe('the client address', () => {
  it('is the socket address when no proxy is declared, whatever X-Forwarded-For says', async () => {
    app = await startBuiltApp({ trustProxy: false });
    expect(await logInOverHttp(forged)).toBe('127.0.0.1');
    expect(await logInThroughThePage(forged)).toBe('127.0.0.1');
  });

  it('is the hop the declared proxy appended, not the entry the client forged before it', async () => {
    app = await startBuiltApp({ trustProxy: 1 });
    // nginx's $proxy_add_x_forwarded_for: what the client sent, then the address nginx saw.
    expect(await logInOverHttp(`${forged}, 198.51.100.20`)).toBe('198.51.100.20');
    expect(await logInThroughThePage(`${forged}, 198.51.100.21`)).toBe('198.51.100.21');
  });

  it('ignores X-Forwarded-For from a peer that is not in the declared list of proxies', async () => {
    app = await startBuiltApp({ trustProxy: ['10.0.0.1'] });
    expect(await logInOverHttp(`${forged}, 198.51.100.20`)).toBe('127.0.0.1');
  });
});
