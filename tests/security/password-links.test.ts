import { afterAll, describe, expect, it } from 'vitest';
import { EmailLogEntry } from '../../server/db/models';
import { refusal } from '../support/admin-fixtures';
import { tokenMailedTo } from '../support/account-mail';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword, loggedIn } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';

/**
 * Issue 13, point 5: reset and invitation links work once, only the newest one works, any change
 * of the password ends them, and email_log — which admins read and resend from — never holds a
 * working link or token: it exists only in the mail that was sent.
 */
afterAll(closeTestResources);

const resetPath = '/reset-password/';
const invitationPath = '/invitation/';

async function askReset(email: string) {
  await testClient().run((api) => api.auth.requestPasswordReset({ email }));
  const token = await tokenMailedTo(email, resetPath);
  expect(token, `a reset link mailed to ${email}`).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  return token!;
}

const useLink = (token: string, password = 'un-mot-de-passe-neuf') =>
  refusal(testClient().run((api) => api.auth.resetPassword({ token, password })));

describe('reset and invitation links', () => {
  it('are in the mail sent and nowhere in email_log, for resets and invitations alike', async () => {
    const user = await createUser('client');
    const resetToken = await askReset(user.email);

    const admin = await loggedIn(await createUser('admin'));
    const employeeEmail = uniqueEmail('invited');
    await admin.run((api) => api.admin.employees.create({ firstName: 'Nora', lastName: 'Aït', email: employeeEmail, role: 'commercial' }));
    const invitationToken = await tokenMailedTo(employeeEmail, invitationPath);
    expect(invitationToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const logged = JSON.stringify(
      (await EmailLogEntry.findAll({ where: { recipient: [user.email, employeeEmail] } })).map((e) => e.params),
    );
    expect(logged).not.toContain(resetToken);
    expect(logged).not.toContain(invitationToken);
    expect(logged).not.toMatch(/reset-password|invitation\//);
    // The mailed links are the working ones.
    expect(await useLink(resetToken)).toBeNull();
    expect(await useLink(invitationToken!)).toBeNull();
  });

  it('stop working, all of them, once one has been used', async () => {
    const user = await createUser('client');
    const first = await askReset(user.email);
    const second = await askReset(user.email);
    expect(second).not.toBe(first);
    expect(await useLink(second)).toBeNull();
    expect(await useLink(first)).toMatchObject({ message: 'errors.resetInvalid' });
    expect(await useLink(second, 'encore-un-mot-de-passe')).toMatchObject({ message: 'errors.resetInvalid' });
  });

  it('stop working when the password is changed another way', async () => {
    const user = await createUser('client');
    const pending = await askReset(user.email);
    const browser = await loggedIn(user);
    await browser.run((api) => api.auth.changePassword({ currentPassword: fixturePassword, newPassword: 'changé-depuis-le-profil' }));
    expect(await useLink(pending)).toMatchObject({ message: 'errors.resetInvalid' });
  });

  it('of an invitation sent again: only the newest works', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const email = uniqueEmail('reinvited');
    const created = await admin.run((api) =>
      api.admin.employees.create({ firstName: 'Amine', lastName: 'Zerrouki', email, role: 'commercial' }),
    );
    const first = await tokenMailedTo(email, invitationPath);
    await admin.run((api) => api.admin.employees.resendInvitation({ userId: created.id }));
    const second = await tokenMailedTo(email, invitationPath);
    expect(second).not.toBe(first);
    expect(await useLink(first!)).toMatchObject({ message: 'errors.resetInvalid' });
    expect(await useLink(second!)).toBeNull();
  });
});
