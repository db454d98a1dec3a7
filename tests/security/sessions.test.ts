import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/i18n';
import { lucia } from '../../server/auth/lucia';
import { ContactMessage, EmailLogEntry, User } from '../../server/db/models';
import { runAccountRequests, tokenMailedTo } from '../support/account-mail';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';
import { refusalOf } from '../support/refusal';

afterAll(closeTestResources);

/** The refusal of a call (code, i18n key, params), or a failed expectation when it ran. */
async function refusedWith(call: Promise<unknown>) {
  const { code, message, params } = refusalOf(
    await call.then(
      () => null,
      (e: unknown) => e,
    ),
  );
  return { code, key: message, params };
}

const isLive = async (sessionId: string | null) => sessionId !== null && (await lucia.validateSession(sessionId)).session !== null;

/** A rate-limit refusal carries a wait the reader is told about, in minutes, in both languages. */
function expectWaitMessage(refusal: { code: string; key: string; params: Record<string, string | number> }, key: string) {
  expect(refusal.code).toBe('TOO_MANY_REQUESTS');
  expect(refusal.key).toBe(key);
  expect(Number(refusal.params.minutes)).toBeGreaterThan(0);
  expect(translator('fr')(key, refusal.params)).toContain(`Réessayez dans ${refusal.params.minutes} minute`);
  expect(translator('en')(key, refusal.params)).toContain(`Try again in ${refusal.params.minutes} minute`);
}

describe('sessions', () => {
  it('gives a new session id at every log-in and drops whatever id the browser had', async () => {
    const user = await createUser('client');
    const browser = testClient();
    // A planted id (session fixation): the server never adopts an id it did not make.
    browser.setSessionId('planted-by-an-attacker');
    await browser.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
    const first = browser.sessionId;
    expect(first).toMatch(/^[a-z0-9]{20,}$/);
    expect(first).not.toBe('planted-by-an-attacker');

    await browser.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
    expect(browser.sessionId).not.toBe(first);
    expect(await isLive(first)).toBe(false);
    expect(await isLive(browser.sessionId)).toBe(true);
  });

  it('ends the session at log-out: the old cookie no longer identifies anyone', async () => {
    const user = await createUser('commercial');
    const browser = testClient();
    await browser.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
    const id = browser.sessionId!;
    await browser.run((api) => api.auth.logout());
    expect(browser.sessionId).toBeNull();
    expect(await isLive(id)).toBe(false);

    const replay = testClient();
    replay.setSessionId(id);
    expect(await replay.run((api) => api.auth.me())).toBeNull();
    expect(await refusedWith(replay.run((api) => api.quotes.list({})))).toMatchObject({
      code: 'UNAUTHORIZED',
      key: 'errors.unauthenticated',
    });
  });

  it('a password change ends every other session of the account and keeps the one that changed it', async () => {
    const user = await createUser('client');
    const [laptop, phone, tablet] = [testClient(), testClient(), testClient()];
    for (const b of [laptop, phone, tablet]) await b.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
    await laptop.run((api) => api.auth.changePassword({ currentPassword: fixturePassword, newPassword: 'un-nouveau-mot-de-passe' }));
    expect(await isLive(laptop.sessionId)).toBe(true);
    expect(await isLive(phone.sessionId)).toBe(false);
    expect(await isLive(tablet.sessionId)).toBe(false);
    expect(await phone.run((api) => api.auth.me())).toBeNull();
    // The old password is gone too.
    expect(await refusedWith(testClient().run((api) => api.auth.login({ email: user.email, password: fixturePassword })))).toMatchObject({
      code: 'UNAUTHORIZED',
      key: 'errors.invalidCredentials',
    });
  });

  it('a reset link works once and ends every session', async () => {
    const user = await createUser('client');
    const browser = testClient();
    await browser.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
    await testClient().run((api) => api.auth.requestPasswordReset({ email: user.email }));
    const token = (await tokenMailedTo(user.email, '/reset-password/'))!;

    await testClient().run((api) => api.auth.resetPassword({ token, password: 'mot-de-passe-choisi' }));
    expect(await isLive(browser.sessionId)).toBe(false);
    const again = await refusedWith(testClient().run((api) => api.auth.resetPassword({ token, password: 'un-autre-mot-de-passe' })));
    expect(again).toMatchObject({ code: 'BAD_REQUEST', key: 'errors.resetInvalid' });
    // The second attempt changed nothing: the first password chosen still opens the account.
    const owner = testClient();
    await owner.run((api) => api.auth.login({ email: user.email, password: 'mot-de-passe-choisi' }));
    expect(await isLive(owner.sessionId)).toBe(true);
  });

  it('a deactivated account loses its open sessions', async () => {
    const user = await createUser('commercial');
    const browser = testClient();
    await browser.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
    await User.update({ active: false }, { where: { id: user.id } });
    expect(await browser.run((api) => api.auth.me())).toBeNull();
    expect(await isLive(browser.sessionId)).toBe(false);
  });
});

describe('rate limits', () => {
  it('refuses log-in after five failures from one client, even with the right password, with the wait in minutes', async () => {
    const user = await createUser('client');
    const browser = testClient();
    for (let i = 0; i < 5; i++) {
      const failure = await refusedWith(browser.run((api) => api.auth.login({ email: user.email, password: 'pas-le-bon' })));
      expect(failure.key).toBe('errors.invalidCredentials');
    }
    const blocked = await refusedWith(browser.run((api) => api.auth.login({ email: user.email, password: fixturePassword })));
    expectWaitMessage(blocked, 'errors.tooManyAttempts');
    expect(browser.sessionId).toBeNull();
    // From another address the owner still gets in: guesses do not lock an account (issue 13, point 8).
    const owner = testClient();
    await owner.run((api) => api.auth.login({ email: user.email, password: fixturePassword }));
    expect(await isLive(owner.sessionId)).toBe(true);
  });

  it('refuses a fourth password-reset request for one e-mail within the window, and sends three mails at most', async () => {
    const user = await createUser('client');
    for (let i = 0; i < 3; i++) await testClient().run((api) => api.auth.requestPasswordReset({ email: user.email }));
    const fourth = await refusedWith(testClient().run((api) => api.auth.requestPasswordReset({ email: user.email })));
    expectWaitMessage(fourth, 'errors.tooManyRequests');
    await runAccountRequests();
    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'password-reset' } })).toBe(3);
  });

  it('refuses reset requests from one address past ten, whatever the e-mails', async () => {
    const browser = testClient();
    for (let i = 0; i < 10; i++) await browser.run((api) => api.auth.requestPasswordReset({ email: uniqueEmail('reset-ip') }));
    expectWaitMessage(
      await refusedWith(browser.run((api) => api.auth.requestPasswordReset({ email: uniqueEmail('reset-ip') }))),
      'errors.tooManyRequests',
    );
  });

  it('refuses a sixth contact message from one address within the hour and stores five', async () => {
    const browser = testClient();
    const email = uniqueEmail('contact-limit');
    const message = { name: 'Visiteur Pressé', email, message: 'Rappelez-moi.' };
    for (let i = 0; i < 5; i++) await browser.run((api) => api.contact.submit(message));
    expectWaitMessage(await refusedWith(browser.run((api) => api.contact.submit(message))), 'errors.tooManyRequests');
    expect(await ContactMessage.count({ where: { email } })).toBe(5);
  });
});
