import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import {
  AuditEntry,
  EmailLogEntry,
  GlpiCompanyLink,
  GlpiOutboxEntry,
  GlpiSyncEvent,
  GlpiUserLink,
  Notification,
  User,
} from '../../server/db/models';
import { notifyPendingSyncEvents } from '../../worker/sync/notify-sync-events';
import { getQueue } from '../../server/jobs/queues';
import { sequelize } from '../../server/db/sequelize';
import { companyUserIds, ticketAudienceIds } from '../../server/notifications/notify';
import { refusal } from '../support/admin-fixtures';
import { tokenMailedTo } from '../support/account-mail';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, loggedIn } from '../support/fixtures';
import { testClient, uniqueEmail } from '../support/trpc-caller';
import { insertTicket, subscribedClient } from './portal-support';

/** Issue 18: several people per client company, each with a company role. */

beforeAll(seedCatalog);
afterAll(closeTestResources);

const password = 'un-mot-de-passe-neuf';
let glpiUser = 880_000 + (process.pid % 1000) * 10;

async function invitationToken(email: string) {
  const token = await tokenMailedTo(email, 'http://localhost:3000/invitation/');
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  return token!;
}

/** What the refused calls must leave as they were: the company's people, mails and audit rows. */
async function footprint(companyId: number) {
  return {
    users: await User.count({ where: { companyId } }),
    mails: await EmailLogEntry.count(),
    audit: await AuditEntry.count({ where: { action: 'company_user.invite' } }),
  };
}

/** A person of the company with a GLPI account, as provisioning would leave them. */
async function withGlpiAccount(user: User) {
  glpiUser += 1;
  await GlpiUserLink.create({ userId: user.id, glpiUserId: glpiUser, glpiProfileLinkId: 1 });
  return glpiUser;
}

async function addActor(entityId: number, ticketGlpiId: number, glpiUserId: number, actorType: 1 | 3) {
  await sequelize.query('INSERT INTO glpi_ticket_actors (glpi_entity_id, ticket_glpi_id, glpi_user_id, actor_type) VALUES (?, ?, ?, ?)', {
    replacements: [entityId, ticketGlpiId, glpiUserId, actorType],
  });
}

describe('inviting people into a company', () => {
  it('a manager invites a member, who chooses a password from the mailed link, logs in as a member and sees the team refused', async () => {
    const { company, browser: manager } = await subscribedClient();
    const email = uniqueEmail('member');
    const created = await manager.run((api) =>
      api.company.users.invite({ firstName: 'Nadia', lastName: 'Ouali', email, companyRole: 'member' }),
    );
    const row = await User.findByPk(created.id, { rejectOnEmpty: true });
    expect(row).toMatchObject({ role: 'client', companyId: company.id, companyRole: 'member', passwordHash: null });
    expect(await EmailLogEntry.count({ where: { recipient: email, template: 'company-invitation' } })).toBe(1);

    const member = testClient();
    const token = await invitationToken(email);
    await member.run((api) => api.auth.resetPassword({ token, password }));
    await member.run((api) => api.auth.login({ email, password }));
    expect(await member.run((api) => api.auth.me())).toMatchObject({ email, role: 'client', companyId: company.id, companyRole: 'member' });
    expect(await refusal(member.run((api) => api.company.users.list()))).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.companyRoleRequired',
    });

    const team = await manager.run((api) => api.company.users.list());
    expect(team.find((person) => person.id === created.id)).toMatchObject({
      companyRole: 'member',
      active: true,
      invitationPending: false,
    });
  });

  it("refuses an address of another company, of staff, of a colleague, or one's own: clear refusal, nothing written", async () => {
    const { company, user, browser: manager } = await subscribedClient();
    const colleague = await createUser('client', company.id, 'member');
    const stranger = await createUser('client', (await createCompany()).id);
    const staff = await createUser('commercial');
    const before = await footprint(company.id);
    const invite = (email: string) =>
      refusal(manager.run((api) => api.company.users.invite({ firstName: 'X', lastName: 'Y', email, companyRole: 'member' })));

    expect(await invite(stranger.email)).toEqual({ code: 'CONFLICT', message: 'errors.companyUsers.emailTaken' });
    expect(await invite(staff.email)).toEqual({ code: 'CONFLICT', message: 'errors.companyUsers.emailTaken' });
    expect(await invite(colleague.email)).toEqual({ code: 'CONFLICT', message: 'errors.companyUsers.alreadyMember' });
    expect(await invite(user.email.toUpperCase())).toEqual({ code: 'BAD_REQUEST', message: 'errors.companyUsers.notYourself' });
    expect(await footprint(company.id)).toEqual(before);
    expect(await User.findByPk(stranger.id)).toMatchObject({ companyId: stranger.companyId, companyRole: 'manager' });
  });

  it("a member or a billing contact calling a manager's procedure is refused and nothing changes", async () => {
    const { company } = await subscribedClient();
    const member = await loggedIn(await createUser('client', company.id, 'member'));
    const billing = await loggedIn(await createUser('client', company.id, 'billing'));
    const before = await footprint(company.id);
    for (const caller of [member, billing]) {
      expect(
        await refusal(
          caller.run((api) => api.company.users.invite({ firstName: 'X', lastName: 'Y', email: uniqueEmail('x'), companyRole: 'manager' })),
        ),
      ).toEqual({ code: 'FORBIDDEN', message: 'errors.companyRoleRequired' });
      expect(await refusal(caller.run((api) => api.portal.dashboard.get()))).toEqual({
        code: 'FORBIDDEN',
        message: 'errors.companyRoleRequired',
      });
    }
    expect(await refusal(member.run((api) => api.documents.list()))).toEqual({ code: 'FORBIDDEN', message: 'errors.companyRoleRequired' });
    expect(await refusal(billing.run((api) => api.portal.tickets.list({})))).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.companyRoleRequired',
    });
    expect(await billing.run((api) => api.documents.list())).toMatchObject({ invoices: [] });
    expect(await footprint(company.id)).toEqual(before);
  });

  it('asks the worker for GLPI accounts after a change, once the company is in GLPI, and not before', async () => {
    const { company, entityId, browser: manager } = await subscribedClient();
    const jobsOf = async () =>
      (await getQueue('provision-client').getJobs(['waiting', 'delayed', 'prioritized'])).filter(
        (job) => (job.data as { companyId: number }).companyId === company.id,
      ).length;
    await manager.run((api) =>
      api.company.users.invite({ firstName: 'Avant', lastName: 'GLPI', email: uniqueEmail('before'), companyRole: 'member' }),
    );
    expect(await jobsOf()).toBe(0);
    await GlpiCompanyLink.create({
      companyId: company.id,
      glpiEntityId: entityId,
      glpiEntityName: 'Test',
      provisioningState: 'done',
      lastError: null,
      provisionedAt: new Date(),
    });
    const invited = await manager.run((api) =>
      api.company.users.invite({ firstName: 'Après', lastName: 'GLPI', email: uniqueEmail('after'), companyRole: 'member' }),
    );
    expect(await jobsOf()).toBe(1);
    await manager.run((api) => api.company.users.deactivate({ userId: invited.id }));
    expect(await jobsOf()).toBe(2);
  });

  it('staff invite into a client company from the back office', async () => {
    const company = await createCompany();
    const commercial = await loggedIn(await createUser('commercial'));
    const email = uniqueEmail('billing');
    await commercial.run((api) =>
      api.backoffice.companies.users.invite({
        companyId: company.id,
        firstName: 'Karim',
        lastName: 'Saadi',
        email,
        companyRole: 'billing',
      }),
    );
    expect(await User.findOne({ where: { email } })).toMatchObject({ companyId: company.id, companyRole: 'billing' });
    expect(await commercial.run((api) => api.backoffice.companies.users.list({ companyId: company.id }))).toEqual([
      expect.objectContaining({ email, companyRole: 'billing', invitationPending: true }),
    ]);
  });
});

describe('deactivating and changing roles', () => {
  it("deactivation ends the person's sessions at once; nobody deactivates themselves; another company's person is not found", async () => {
    const { company, user, browser: manager } = await subscribedClient();
    const person = await createUser('client', company.id, 'member');
    const session = await loggedIn(person);
    expect(await session.run((api) => api.auth.me())).toMatchObject({ id: person.id });

    expect(await refusal(manager.run((api) => api.company.users.deactivate({ userId: user.id })))).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.companyUsers.notYourself',
    });
    const other = await subscribedClient();
    expect(await refusal(other.browser.run((api) => api.company.users.deactivate({ userId: person.id })))).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.notFound',
    });
    expect(await User.findByPk(person.id)).toMatchObject({ active: true });

    await manager.run((api) => api.company.users.deactivate({ userId: person.id }));
    expect(await session.run((api) => api.auth.me())).toBeNull();
    expect(await refusal(loggedIn(person))).toMatchObject({ code: 'UNAUTHORIZED' });
    await manager.run((api) => api.company.users.reactivate({ userId: person.id }));
    expect(await (await loggedIn(person)).run((api) => api.auth.me())).toMatchObject({ id: person.id });
  });

  it("a role change applies to the person's open session", async () => {
    const { company, browser: manager } = await subscribedClient();
    const person = await createUser('client', company.id, 'billing');
    const session = await loggedIn(person);
    expect(await refusal(session.run((api) => api.portal.tickets.list({})))).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.companyRoleRequired',
    });
    await manager.run((api) => api.company.users.changeRole({ userId: person.id, companyRole: 'member' }));
    expect(await session.run((api) => api.portal.tickets.list({}))).toMatchObject({ tickets: [] });
  });
});

describe("a member's tickets", () => {
  it('a member sees the tickets naming them requester or observer and their own unsent ones; the manager sees all', async () => {
    const { company, entityId, browser: manager } = await subscribedClient();
    const memberUser = await createUser('client', company.id, 'member');
    const colleagueUser = await createUser('client', company.id, 'member');
    const mine = await withGlpiAccount(memberUser);
    const theirs = await withGlpiAccount(colleagueUser);
    const target = { companyId: company.id, entityId };
    await insertTicket(target, { name: 'Demandé', requesterGlpiUserId: mine });
    const observed = await insertTicket(target, { name: 'Observé', requesterGlpiUserId: theirs });
    await addActor(entityId, observed.glpiId, theirs, 1);
    await addActor(entityId, observed.glpiId, mine, 3);
    const colleagues = await insertTicket(target, { name: 'Collègue', requesterGlpiUserId: theirs });
    await addActor(entityId, colleagues.glpiId, theirs, 1);

    const member = await loggedIn(memberUser);
    const colleague = await loggedIn(colleagueUser);
    const sent = await member.run((api) =>
      api.portal.tickets.create({ title: 'Écran noir', content: 'Bonjour', urgency: 3, type: 'incident' }),
    );
    await colleague.run((api) => api.portal.tickets.create({ title: 'Clavier', content: 'Bonjour', urgency: 3, type: 'incident' }));

    const seen = await member.run((api) => api.portal.tickets.list({}));
    expect(seen.tickets.map((t) => t.name).sort()).toEqual(['Demandé', 'Observé']);
    expect(seen.waiting.map((t) => t.title)).toEqual(['Écran noir']);
    const all = await manager.run((api) => api.portal.tickets.list({}));
    expect(all.tickets.map((t) => t.name).sort()).toEqual(['Collègue', 'Demandé', 'Observé']);
    expect(all.waiting.map((t) => t.title).sort()).toEqual(['Clavier', 'Écran noir']);

    expect(await refusal(member.run((api) => api.portal.tickets.conversation({ glpiId: colleagues.glpiId })))).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.notFound',
    });
    const colleaguesOutbox = await GlpiOutboxEntry.findOne({ where: { userId: colleagueUser.id, kind: 'ticket' }, rejectOnEmpty: true });
    expect(await refusal(member.run((api) => api.portal.tickets.conversation({ outboxId: colleaguesOutbox.id })))).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.notFound',
    });
    const before = await GlpiOutboxEntry.count({ where: { companyId: company.id } });
    expect(await refusal(member.run((api) => api.portal.tickets.reply({ glpiId: colleagues.glpiId, content: 'Moi aussi' })))).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.notFound',
    });
    expect(await GlpiOutboxEntry.count({ where: { companyId: company.id } })).toBe(before);
    expect(await member.run((api) => api.portal.tickets.conversation({ glpiId: observed.glpiId }))).toMatchObject({ name: 'Observé' });
    expect(await member.run((api) => api.portal.tickets.conversation({ outboxId: sent.outboxId }))).toMatchObject({ name: 'Écran noir' });
    expect(await manager.run((api) => api.portal.tickets.conversation({ glpiId: colleagues.glpiId }))).toMatchObject({ name: 'Collègue' });
  });

  it("a ticket's news reach the managers and the members it names; documents reach managers and billing, never a member", async () => {
    const { company, user: manager, entityId } = await subscribedClient();
    const memberUser = await createUser('client', company.id, 'member');
    const otherMember = await createUser('client', company.id, 'member');
    const billing = await createUser('client', company.id, 'billing');
    const glpiId = await withGlpiAccount(memberUser);
    await withGlpiAccount(otherMember);
    const ticket = await insertTicket({ companyId: company.id, entityId });
    await addActor(entityId, ticket.glpiId, glpiId, 3);
    expect((await ticketAudienceIds(company.id, ticket.glpiId)).sort()).toEqual([manager.id, memberUser.id].sort());
    expect((await companyUserIds(company.id)).sort()).toEqual([manager.id, billing.id].sort());

    // The worker's notification of a sync event goes to that audience, in-app and by mail.
    await GlpiSyncEvent.create({
      companyId: company.id,
      glpiEntityId: entityId,
      kind: 'ticket_solved',
      glpiTicketId: ticket.glpiId,
      glpiFollowupId: null,
      statusFrom: 2,
      statusTo: 5,
      ticketName: ticket.name,
      dedupeKey: `t18:${ticket.glpiId}`,
      occurredAt: new Date(),
      notifiedAt: null,
    });
    await notifyPendingSyncEvents({ companyId: company.id });
    const told = await Notification.findAll({
      where: { kind: 'glpiTicketSolved', userId: [manager.id, memberUser.id, otherMember.id, billing.id] },
    });
    expect(told.map((n) => n.userId).sort()).toEqual([manager.id, memberUser.id].sort());
    expect(await EmailLogEntry.count({ where: { recipient: [otherMember.email, billing.email] } })).toBe(0);
  });
});
