import { afterAll, describe, expect, it } from 'vitest';
import { lucia } from '../../server/auth/lucia';
import { AuditEntry, EmailLogEntry, User } from '../../server/db/models';
import { refusal } from '../support/admin-fixtures';
import { tokenMailedTo } from '../support/account-mail';
import { closeTestResources } from '../support/close-resources';
import { createUser, fixturePassword, loggedIn } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';

afterAll(closeTestResources);

const newPassword = 'un-mot-de-passe-neuf';

/** The link of the newest invitation delivered to this address (email_log never holds it). */
async function invitationToken(email: string) {
  const token = await tokenMailedTo(email, 'http://localhost:3000/invitation/');
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  return token!;
}

describe('employees', () => {
  it('creates a commercial without a password, who sets one from the invitation link (once) and logs in', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const email = uniqueEmail('new-commercial');
    const created = await admin.run((api) =>
      api.admin.employees.create({ firstName: 'Samir', lastName: 'Haddad', email, role: 'commercial' }),
    );
    const user = await User.findByPk(created.id);
    expect(user?.passwordHash).toBeNull();
    expect(user?.role).toBe('commercial');

    const browser = testClient();
    expect(await refusal(browser.run((api) => api.auth.login({ email, password: newPassword })))).toMatchObject({ code: 'UNAUTHORIZED' });
    const token = await invitationToken(email);
    await browser.run((api) => api.auth.resetPassword({ token, password: newPassword }));
    expect(await refusal(browser.run((api) => api.auth.resetPassword({ token, password: 'encore-un-autre-mot' })))).toMatchObject({
      message: 'errors.resetInvalid',
    });
    await browser.run((api) => api.auth.login({ email, password: newPassword }));
    expect(await browser.run((api) => api.auth.me())).toMatchObject({ email, role: 'commercial' });

    const listed = await admin.run((api) => api.admin.employees.list());
    expect(listed.find((e) => e.id === created.id)).toMatchObject({ active: true, invitationPending: false });
    expect(await AuditEntry.count({ where: { action: 'employee.create', recordId: String(created.id) } })).toBe(1);
  });

  it('refuses an e-mail that already has an account, on the e-mail field', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const existing = await createUser('client');
    expect(
      await refusal(
        admin.run((api) => api.admin.employees.create({ firstName: 'A', lastName: 'B', email: existing.email, role: 'admin' })),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'errors.emailTaken',
    });
  });

  it('deactivating an employee ends their sessions at once; their name stays; reactivation lets them back in', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const commercial = await createUser('commercial');
    const laptop = await loggedIn(commercial);
    const phone = await loggedIn(commercial);
    expect(await laptop.run((api) => api.auth.me())).toMatchObject({ id: commercial.id });
    expect(await lucia.getUserSessions(commercial.id)).toHaveLength(2);

    await admin.run((api) => api.admin.employees.deactivate({ userId: commercial.id }));

    expect(await lucia.getUserSessions(commercial.id)).toHaveLength(0);
    for (const browser of [laptop, phone]) {
      expect(await browser.run((api) => api.auth.me())).toBeNull();
      expect(await refusal(browser.run((api) => api.quotes.list({})))).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect(await refusal(testClient().run((api) => api.auth.login({ email: commercial.email, password: fixturePassword })))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const kept = await User.findByPk(commercial.id);
    expect(kept).toMatchObject({ active: false, firstName: 'Staff', lastName: 'Test' });
    const audit = await admin.run((api) => api.admin.audit.search({ recordType: 'user', recordId: String(commercial.id) }));
    expect(audit.entries[0]).toMatchObject({ action: 'employee.deactivate', actor: { role: 'admin' } });

    await admin.run((api) => api.admin.employees.reactivate({ userId: commercial.id }));
    const again = await loggedIn(commercial);
    expect(await again.run((api) => api.auth.me())).toMatchObject({ id: commercial.id });
  });

  it('changes a role with immediate effect, but never the admin’s own role or access', async () => {
    const adminUser = await createUser('admin');
    const admin = await loggedIn(adminUser);
    const commercial = await createUser('commercial');
    const browser = await loggedIn(commercial);
    expect(await refusal(browser.run((api) => api.admin.faq.list()))).toMatchObject({ code: 'FORBIDDEN' });
    await admin.run((api) => api.admin.employees.changeRole({ userId: commercial.id, role: 'admin' }));
    expect(await refusal(browser.run((api) => api.admin.faq.list()))).toBeNull();
    await admin.run((api) => api.admin.employees.changeRole({ userId: commercial.id, role: 'commercial' }));
    expect(await refusal(browser.run((api) => api.admin.faq.list()))).toMatchObject({ code: 'FORBIDDEN' });

    // One call at a time: a second call's refusal must not arrive before anything awaits it.
    for (const attempt of [
      () => admin.run((api) => api.admin.employees.changeRole({ userId: adminUser.id, role: 'commercial' })),
      () => admin.run((api) => api.admin.employees.deactivate({ userId: adminUser.id })),
    ]) {
      expect(await refusal(attempt())).toEqual({ code: 'FORBIDDEN', message: 'errors.admin.notYourself' });
    }
    const client = await createUser('client');
    expect(await refusal(admin.run((api) => api.admin.employees.deactivate({ userId: client.id })))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await User.findByPk(adminUser.id))?.role).toBe('admin');
  });

  it('sends a new invitation only while the first password is still to be chosen, and kills old links on deactivation', async () => {
    const admin = await loggedIn(await createUser('admin'));
    const email = uniqueEmail('late');
    const { id } = await admin.run((api) =>
      api.admin.employees.create({ firstName: 'Lina', lastName: 'Tahar', email, role: 'admin', locale: 'en' }),
    );
    await admin.run((api) => api.admin.employees.resendInvitation({ userId: id }));
    expect(await EmailLogEntry.count({ where: { recipient: email, template: 'employee-invitation', locale: 'en' } })).toBe(2);
    const token = await invitationToken(email);
    await admin.run((api) => api.admin.employees.deactivate({ userId: id }));
    expect(await refusal(testClient().run((api) => api.auth.resetPassword({ token, password: newPassword })))).toMatchObject({
      message: 'errors.resetInvalid',
    });
    await admin.run((api) => api.admin.employees.reactivate({ userId: id }));
    const withPassword = await createUser('commercial');
    expect(await refusal(admin.run((api) => api.admin.employees.resendInvitation({ userId: withPassword.id })))).toMatchObject({
      code: 'CONFLICT',
      message: 'errors.admin.invitationNotPending',
    });
  });
});
