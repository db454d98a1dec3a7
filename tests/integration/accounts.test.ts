import { afterAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { EmailLogEntry, LoginEvent, PasswordResetToken, User } from '../../server/db/models';
import { lucia } from '../../server/auth/lucia';
import { redis, redisKey } from '../../server/redis';
import { testClient, uniqueEmail } from '../support/trpc-caller';
import { closeTestResources } from '../support/close-resources';

afterAll(closeTestResources);

const password = 'correct-horse-battery';
const newUser = (email = uniqueEmail()) => ({ firstName: 'Amina', lastName: 'Benali', email, phone: '0551234567', password });

async function expectError(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).message).toBe(message);
  return error as TRPCError & { params?: Record<string, unknown> };
}

describe('accounts', () => {
  it('registers, logs out, logs in with a new session id, and records the log-in', async () => {
    const browser = testClient();
    const input = newUser();
    await browser.run((api) => api.auth.register(input));
    const registeredSession = browser.sessionId;
    expect(registeredSession).toBeTruthy();
    expect(await browser.run((api) => api.auth.me())).toMatchObject({ email: input.email, role: 'client' });

    await browser.run((api) => api.auth.logout());
    expect(browser.sessionId).toBeNull();
    expect((await lucia.validateSession(registeredSession!)).session).toBeNull();
    expect(await browser.run((api) => api.auth.me())).toBeNull();

    await browser.run((api) => api.auth.login({ email: input.email.toUpperCase(), password }));
    expect(browser.sessionId).toBeTruthy();
    expect(browser.sessionId).not.toBe(registeredSession);
    expect(await browser.run((api) => api.auth.me())).toMatchObject({ email: input.email });

    const user = await User.findOne({ where: { email: input.email } });
    expect(await LoginEvent.count({ where: { userId: user!.id } })).toBe(1);
    expect(user!.phone).toBe('+213551234567');
    const welcome = await EmailLogEntry.findOne({ where: { recipient: input.email, template: 'welcome' } });
    expect(welcome?.state).toBe('queued');
  });

  it('stores Argon2id hashes, never the password', async () => {
    const input = newUser();
    await testClient().run((api) => api.auth.register(input));
    const user = await User.findOne({ where: { email: input.email } });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(user!.passwordHash).not.toContain(password);
  });

  it('refuses a duplicate e-mail with a field error', async () => {
    const input = newUser();
    await testClient().run((api) => api.auth.register(input));
    await expectError(testClient().run((api) => api.auth.register(input)), 'errors.emailTaken');
  });

  it('rejects bad input with i18n keys per field', async () => {
    const error = await testClient()
      .run((api) => api.auth.register({ ...newUser('not-an-email'), phone: '12345', password: 'short' }))
      .catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const issues = JSON.parse((error as TRPCError).message) as { path: string[]; message: string }[];
    const byField = Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({ email: 'validation.email', phone: 'validation.phone', password: 'validation.passwordTooShort' });
  });

  it('after five wrong passwords refuses even the right one until the wait ends', async () => {
    const input = newUser();
    await testClient().run((api) => api.auth.register(input));
    const browser = testClient();
    for (let i = 0; i < 5; i++) {
      await expectError(browser.run((api) => api.auth.login({ email: input.email, password: 'wrong-password-1' })), 'errors.invalidCredentials');
    }
    const sixth = await expectError(
      browser.run((api) => api.auth.login({ email: input.email, password: 'wrong-password-1' })),
      'errors.tooManyAttempts',
    );
    expect(sixth.code).toBe('TOO_MANY_REQUESTS');
    expect((sixth as unknown as { params: { minutes: number } }).params.minutes).toBe(15);
    // From another IP too: the e-mail itself is blocked.
    await expectError(testClient().run((api) => api.auth.login({ email: input.email, password })), 'errors.tooManyAttempts');

    // The wait ends when the window expires.
    const r = redis();
    await r.del(redisKey('rl', 'login', 'email', input.email));
    const browserAfterWait = testClient();
    await browserAfterWait.run((api) => api.auth.login({ email: input.email, password }));
    expect(browserAfterWait.sessionId).toBeTruthy();
  });

  it('a reset link works once, ends every session, and expires after an hour', async () => {
    const input = newUser();
    const browser = testClient();
    await browser.run((api) => api.auth.register(input));
    const oldSession = browser.sessionId!;

    await testClient().run((api) => api.auth.requestPasswordReset({ email: input.email }));
    const mail = await EmailLogEntry.findOne({ where: { recipient: input.email, template: 'password-reset' } });
    const token = String(mail!.params.resetUrl).split('/reset-password/')[1]!;
    expect(token.length).toBeGreaterThan(20);

    const newPassword = 'a-brand-new-password';
    await testClient().run((api) => api.auth.resetPassword({ token, password: newPassword }));
    expect((await lucia.validateSession(oldSession)).session).toBeNull();
    await expectError(testClient().run((api) => api.auth.resetPassword({ token, password: 'yet-another-password' })), 'errors.resetInvalid');
    await testClient().run((api) => api.auth.login({ email: input.email, password: newPassword }));

    // A second link, aged past its hour, is refused.
    await testClient().run((api) => api.auth.requestPasswordReset({ email: input.email }));
    const mails = await EmailLogEntry.findAll({ where: { recipient: input.email, template: 'password-reset' }, order: [['id', 'ASC']] });
    const token2 = String(mails[1]!.params.resetUrl).split('/reset-password/')[1]!;
    const user = await User.findOne({ where: { email: input.email } });
    await PasswordResetToken.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { userId: user!.id, usedAt: null } });
    await expectError(testClient().run((api) => api.auth.resetPassword({ token: token2, password: 'yet-another-password' })), 'errors.resetInvalid');
  });

  it('answers the same for an unknown e-mail and sends nothing', async () => {
    const email = uniqueEmail('nobody');
    await expect(testClient().run((api) => api.auth.requestPasswordReset({ email }))).resolves.toEqual({ ok: true });
    expect(await EmailLogEntry.count({ where: { recipient: email } })).toBe(0);
  });

  it('changing the password ends the other sessions and keeps the current one', async () => {
    const input = newUser();
    const laptop = testClient();
    const phone = testClient();
    await laptop.run((api) => api.auth.register(input));
    await phone.run((api) => api.auth.login({ email: input.email, password }));
    await expectError(
      laptop.run((api) => api.auth.changePassword({ currentPassword: 'not-the-password', newPassword: 'another-long-password' })),
      'errors.wrongCurrentPassword',
    );
    await laptop.run((api) => api.auth.changePassword({ currentPassword: password, newPassword: 'another-long-password' }));
    expect(await laptop.run((api) => api.auth.me())).not.toBeNull();
    expect(await phone.run((api) => api.auth.me())).toBeNull();
    expect((await lucia.validateSession(phone.sessionId ?? 'gone')).session).toBeNull();
  });
});
