import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailLogEntry, PasswordResetToken, PendingRegistration, User } from '../../server/db/models';
import { getQueue } from '../../server/jobs/queues';
import { verifyPassword } from '../../server/auth/password-hash';
import { deliverAccountMail, tokenMailedTo } from '../support/account-mail';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';
import { startBuiltApp, type BuiltApp } from './built-app';

/**
 * Issue 13, point 9: registering and asking for a password reset answer the same whether or not
 * the address has an account, and do the same work while the visitor waits — the address is looked
 * up by the worker afterwards, which mails the owner. The work is compared by what the request
 * wrote and queued, not by a clock: the same rows, the same one job, for either address.
 */
let app: BuiltApp;
beforeAll(async () => {
  app = await startBuiltApp();
}, 120_000);
afterAll(async () => {
  await app.close();
  await closeTestResources();
});

/** Everything a request could have written about an address, counted. */
async function footprint(email: string) {
  const user = await User.findOne({ where: { email } });
  return {
    users: await User.count({ where: { email } }),
    mails: await EmailLogEntry.count({ where: { recipient: email } }),
    links: user ? await PasswordResetToken.count({ where: { userId: user.id } }) : 0,
    pending: await PendingRegistration.count({ where: { email } }),
  };
}

const queued = async () => (await getQueue('account-requests').getJobs(['waiting', 'delayed', 'prioritized'])).length;

async function postJson(procedure: string, input: unknown) {
  const res = await app.request(`/api/trpc/${procedure}`, null, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: input }),
  });
  return { status: res.status, body: await res.text(), cookies: res.headers.getSetCookie() };
}

const registration = (email: string) => ({
  firstName: 'Karim',
  lastName: 'Haddad',
  email,
  phone: '0661234567',
  password: 'un-mot-de-passe-long',
});

describe('registration', () => {
  it('answers an address that has an account exactly as a new one, opens no session, and writes the same', async () => {
    const owner = await createUser('client');
    const stranger = uniqueEmail('new-client');
    const before = { owner: await footprint(owner.email), stranger: await footprint(stranger) };

    const jobsBefore = await queued();
    const taken = await postJson('auth.register', registration(owner.email));
    const jobsAfterTaken = await queued();
    const free = await postJson('auth.register', registration(stranger));
    const jobsAfterFree = await queued();

    expect(taken.status).toBe(200);
    expect(taken).toEqual(free);
    expect(taken.cookies).toEqual([]);
    expect([jobsAfterTaken - jobsBefore, jobsAfterFree - jobsAfterTaken]).toEqual([1, 1]);
    const after = { owner: await footprint(owner.email), stranger: await footprint(stranger) };
    expect(after.owner).toEqual({ ...before.owner, pending: before.owner.pending + 1 });
    expect(after.stranger).toEqual({ ...before.stranger, pending: before.stranger.pending + 1 });

    // Afterwards, the worker tells each mailbox what applies to it.
    expect((await deliverAccountMail(owner.email)).map((m) => m.subject)).toEqual(['Vous avez déjà un compte Y-tech']);
    expect(await verifyPassword((await User.findByPk(owner.id))!.passwordHash!, fixturePassword)).toBe(true);
    const token = await tokenMailedTo(stranger, '/register/confirm/');
    const browser = testClient();
    await browser.run((api) => api.auth.confirmRegistration({ token: token! }));
    expect(await browser.run((api) => api.auth.me())).toMatchObject({ email: stranger, role: 'client' });
  });

  it('gives the same page for both through the form', async () => {
    const owner = await createUser('client');
    const form = (email: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(registration(email)).toString(),
    });
    const stranger = uniqueEmail('form-client');
    const taken = await app.request('/register', null, form(owner.email));
    const free = await app.request('/register', null, form(stranger));
    expect([taken.status, taken.headers.getSetCookie()]).toEqual([free.status, free.headers.getSetCookie()]);
    const page = (html: string, email: string) => html.replaceAll(email, 'EMAIL').replace(/nonce="[^"]+"|'nonce-[^']+'/g, 'NONCE');
    expect(page(await taken.text(), owner.email)).toBe(page(await free.text(), stranger));
  });
});

describe('password-reset requests', () => {
  it('answer the same and write nothing while the visitor waits, for an account or not', async () => {
    const owner = await createUser('client');
    const stranger = uniqueEmail('nobody');
    const before = { owner: await footprint(owner.email), stranger: await footprint(stranger) };

    const jobsBefore = await queued();
    const known = await postJson('auth.requestPasswordReset', { email: owner.email });
    const jobsAfterKnown = await queued();
    const unknown = await postJson('auth.requestPasswordReset', { email: stranger });
    const jobsAfterUnknown = await queued();

    expect(known).toEqual(unknown);
    expect([jobsAfterKnown - jobsBefore, jobsAfterUnknown - jobsAfterKnown]).toEqual([1, 1]);
    expect({ owner: await footprint(owner.email), stranger: await footprint(stranger) }).toEqual(before);

    // The owner gets the link afterwards; the unknown address gets nothing.
    expect(await tokenMailedTo(owner.email, '/reset-password/')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await deliverAccountMail(stranger)).toEqual([]);
  });
});
