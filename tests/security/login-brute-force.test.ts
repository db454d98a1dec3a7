import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginEvent } from '../../server/db/models';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword } from '../support/fixtures';
import { startBuiltApp, type BuiltApp } from './built-app';
import { uniqueAddress } from '../support/unique-address';

/**
 * Issue 13, points 1 and 8: log-in guesses are counted before the password is checked, so neither
 * a batched tRPC request nor parallel requests get more guesses than the limit; and no one can
 * lock the owner of an account out by failing on purpose. The test plays a declared proxy
 * (loopback), so each simulated client has its own address, as behind nginx.
 */
let app: BuiltApp;

beforeAll(async () => {
  app = await startBuiltApp({ trustProxy: ['loopback'] });
}, 120_000);

afterAll(async () => {
  await app.close();
  await closeTestResources();
});

type Answer = { result?: unknown; error?: { json: { data: { code: string } } } };
const code = (answer: Answer) => answer.error?.json.data.code ?? 'OK';
/** An answer that checked the password: right (OK) or wrong (UNAUTHORIZED); a refused attempt checked nothing. */
const checked = (codes: string[]) => codes.filter((c) => c === 'OK' || c === 'UNAUTHORIZED').length;

/** A browser: its address, and the cookies the server gave it. */
function browser(address = uniqueAddress()) {
  const cookies = new Map<string, string>();
  return {
    async login(email: string, password: string) {
      const res = await fetch(`${app.base}/api/trpc/auth.login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: app.base,
          'x-forwarded-for': address,
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        body: JSON.stringify({ json: { email, password } }),
      });
      for (const set of res.headers.getSetCookie()) {
        const [name, value] = set.split(';')[0]!.split('=') as [string, string];
        if (value) cookies.set(name, value);
      }
      return code((await res.json()) as Answer);
    },
  };
}

async function batchedGuesses(email: string, passwords: string[], address = uniqueAddress()) {
  const paths = passwords.map(() => 'auth.login').join(',');
  const body = Object.fromEntries(passwords.map((password, i) => [i, { json: { email, password } }]));
  const res = await fetch(`${app.base}/api/trpc/${paths}?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.base, 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
  const answers = (await res.json()) as Answer[] | Answer;
  return {
    status: res.status,
    session: res.headers.getSetCookie().some((c) => c.startsWith('ytech_session=') && !c.startsWith('ytech_session=;')),
    answers,
  };
}

const wrong = (n: number) => Array.from({ length: n }, (_, i) => `wrong-password-${i}`);
const limit = 5;

describe('log-in guesses', () => {
  it('refuses a batch of 40 guesses without checking any, and opens no session', async () => {
    const victim = await createUser('client');
    const { status, session } = await batchedGuesses(victim.email, [...wrong(39), fixturePassword]);
    expect(status).toBe(400);
    expect(session).toBe(false);
    expect(await LoginEvent.count({ where: { userId: victim.id } })).toBe(0);
  });

  it('checks at most the limit of the guesses of one batch the endpoint accepts', async () => {
    const victim = await createUser('client');
    const address = uniqueAddress();
    const { answers } = await batchedGuesses(victim.email, wrong(10), address);
    const codes = (answers as Answer[]).map(code);
    expect(checked(codes)).toBe(limit);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(10 - limit);
    // The right password from the same client is refused too: the guesses are spent.
    expect(await browser(address).login(victim.email, fixturePassword)).toBe('TOO_MANY_REQUESTS');
  });

  it('checks at most the limit of 12 parallel requests from one client', async () => {
    const victim = await createUser('client');
    const attacker = browser();
    const codes = await Promise.all(wrong(12).map((password) => attacker.login(victim.email, password)));
    expect(checked(codes)).toBe(limit);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(12 - limit);
  });
});

describe('no one can lock the owner out', () => {
  it('a handful of wrong passwords from one address does not stop the owner logging in from theirs', async () => {
    const admin = await createUser('admin');
    const attacker = browser();
    for (const password of wrong(8)) await attacker.login(admin.email, password);
    expect(await attacker.login(admin.email, fixturePassword)).toBe('TOO_MANY_REQUESTS');
    expect(await browser().login(admin.email, fixturePassword)).toBe('OK');
  });

  it('a flood from many addresses, which stops new browsers, never stops the owner’s known browser', async () => {
    const admin = await createUser('admin');
    const ownBrowser = browser();
    expect(await ownBrowser.login(admin.email, fixturePassword)).toBe('OK');

    // Each attacking address stays under its own limit; together they exceed the account's.
    const attempts: string[] = [];
    for (let a = 0; a < 12; a++) {
      const attacker = browser();
      for (const password of wrong(4)) attempts.push(await attacker.login(admin.email, password));
    }
    expect(attempts.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThan(0);
    expect(await browser().login(admin.email, fixturePassword)).toBe('TOO_MANY_REQUESTS');
    expect(await ownBrowser.login(admin.email, fixturePassword)).toBe('OK');
  });
});
