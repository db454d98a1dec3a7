import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { EmailLogEntry, Notification } from '../../server/db/models';
import { sendQuotaWarnings } from '../../server/portal/quota-warnings';
import { closeTestResources } from '../support/close-resources';
import { createUser, loggedIn } from '../support/fixtures';
import { expectRefused, insertAsset, insertTicket, subscribedClient } from './portal-support';

// Warnings at 80 % and at 100 % of the plan: once a month each, in-app and by e-mail.
beforeAll(seedCatalog);
afterAll(closeTestResources);

const warningsOf = async (userId: number, email: string) => ({
  notifications: (await Notification.findAll({ where: { userId }, order: [['id', 'ASC']] }))
    .map((n) => n.kind)
    .filter((kind) => kind.startsWith('quota')),
  mails: (await EmailLogEntry.findAll({ where: { recipient: email }, order: [['id', 'ASC']] }))
    .map((m) => m.template)
    .filter((t) => t.startsWith('quota')),
});

describe('quota warnings', () => {
  it('warn once at 80 % and once at 100 % of the monthly tickets', async () => {
    const client = await subscribedClient({ serviceCode: 'support', tierMaxQty: 10 });
    const target = { companyId: client.company.id, entityId: client.entityId };
    const run = () => sendQuotaWarnings({ companyIds: [client.company.id] });
    for (let i = 0; i < 7; i += 1) await insertTicket(target);
    // Last month's tickets do not count.
    await insertTicket(target, { openedAt: new Date(Date.now() - 40 * 86_400_000) });
    expect(await run()).toEqual([]);

    await insertTicket(target);
    expect(await run()).toMatchObject([{ kind: 'tickets', threshold: 80, used: 8, allowed: 10 }]);
    expect(await run()).toEqual([]);
    await insertTicket(target);
    expect(await run()).toEqual([]);
    expect(await warningsOf(client.user.id, client.user.email)).toEqual({ notifications: ['quotaTickets80'], mails: ['quota-tickets-80'] });

    await insertTicket(target);
    expect(await run()).toMatchObject([{ kind: 'tickets', threshold: 100, used: 10, allowed: 10 }]);
    await insertTicket(target);
    expect(await run()).toEqual([]);
    expect(await warningsOf(client.user.id, client.user.email)).toEqual({
      notifications: ['quotaTickets80', 'quotaTickets100'],
      mails: ['quota-tickets-80', 'quota-tickets-100'],
    });
    // A support plan counts no computers.
    await insertAsset(target);
    expect(await run()).toEqual([]);
  });

  it('warn each user of the company, and reaching 100 % at once sends only the 100 % warning', async () => {
    const client = await subscribedClient({ serviceCode: 'management', tierMaxQty: 10 });
    const colleague = await createUser('client', client.company.id);
    const target = { companyId: client.company.id, entityId: client.entityId };
    for (let i = 0; i < 11; i += 1) await insertAsset(target);
    await insertAsset(target, { isTemplate: true });
    await insertAsset(target, { deletedAt: new Date() });
    for (let i = 0; i < 12; i += 1) await insertTicket(target); // a management plan counts no tickets
    expect(await sendQuotaWarnings({ companyIds: [client.company.id] })).toMatchObject([
      { kind: 'computers', threshold: 100, used: 11, allowed: 10 },
    ]);
    expect(await sendQuotaWarnings({ companyIds: [client.company.id] })).toEqual([]);
    for (const user of [client.user, colleague]) {
      expect(await warningsOf(user.id, user.email)).toEqual({ notifications: ['quotaComputers100'], mails: ['quota-computers-100'] });
    }
  });

  it('lists the clients over their plan for the staff only', async () => {
    const over = await subscribedClient({ serviceCode: 'full', tierMaxQty: 10 });
    for (let i = 0; i < 12; i += 1) await insertAsset({ companyId: over.company.id, entityId: over.entityId });
    const under = await subscribedClient({ serviceCode: 'full', tierMaxQty: 10 });
    await insertAsset({ companyId: under.company.id, entityId: under.entityId });
    const staff = await loggedIn(await createUser('commercial'));
    const list = await staff.run((api) => api.backoffice.companies.overPlan());
    const mine = list.filter((row) => [over.company.id, under.company.id].includes(row.companyId));
    expect(mine).toEqual([
      expect.objectContaining({
        companyId: over.company.id,
        companyName: over.company.name,
        worstPercent: 120,
        lines: [
          { kind: 'tickets', used: 0, allowed: 10, percent: 0 },
          { kind: 'computers', used: 12, allowed: 10, percent: 120 },
        ],
      }),
    ]);
    await expectRefused(
      over.browser.run((api) => api.backoffice.companies.overPlan()),
      'FORBIDDEN',
    );
  });
});
