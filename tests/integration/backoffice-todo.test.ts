import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { Service } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { addDays, algiersDate, algiersMidnight } from '../../server/calendar/algiers-calendar';
import { makeInvoice, makeProforma, makeQuote } from '../support/admin-fixtures';
import { closeTestResources } from '../support/close-resources';
import { createCompany, createUser, loggedIn } from '../support/fixtures';
import { insertTicket } from './portal-support';
import { backdate, creditNote, dayMs, newEntityId, purchaseOrder, subscription } from './backoffice-support';

beforeAll(seedCatalog);
afterAll(closeTestResources);

const today = algiersDate();
const longAgo = new Date('2001-01-01T09:00:00Z');

async function setDueDate(invoiceId: number, dueDate: string) {
  await sequelize.query('UPDATE invoices SET due_date = :dueDate WHERE id = :invoiceId', {
    replacements: { dueDate, invoiceId },
    type: QueryTypes.UPDATE,
  });
}

describe("the commercial's work for today", () => {
  it('lists exactly the records that qualify, with counts and what the links need', async () => {
    const staffUser = await createUser('commercial');
    const commercial = await loggedIn(staffUser);
    const company = await createCompany({ name: `Todo ${process.pid} ${Date.now()}` });
    const requester = await createUser('client', company.id);
    const support = await Service.findOne({ where: { code: 'support' }, rejectOnEmpty: true });

    // Quote requests: only "new" ones wait for a call.
    const newQuote = await makeQuote(company, requester, support.id, 'new');
    await backdate('quote_requests', newQuote.id, longAgo);
    const contacted = await makeQuote(company, requester, support.id, 'contacted');

    // Pending offers whose last day is within 7 days (today included); not past ones, not later ones, not answered ones.
    const quote = await makeQuote(company, requester, support.id, 'proforma_sent');
    const offer = async (validUntil: string, status: 'pending' | 'accepted' = 'pending') => {
      const proforma = await makeProforma(quote, staffUser, status);
      await proforma.update({ validUntil });
      return proforma;
    };
    const lastDayToday = await offer(today);
    const lastDayIn7 = await offer(addDays(today, 7));
    const lastDayIn8 = await offer(addDays(today, 8));
    const lapsed = await offer(addDays(today, -1));
    const answered = await offer(addDays(today, 2), 'accepted');

    // Purchase orders waiting for review; reviewed ones are done.
    const pendingOrder = await purchaseOrder(answered, requester, 'pending');
    await backdate('purchase_orders', pendingOrder.id, longAgo);
    const reviewedOrder = await purchaseOrder(answered, requester, 'accepted');

    // Invoices unpaid after their due day; not paid ones, not due today, not cancelled by a credit note.
    const invoice = async (dueDate: string, paid = false) => {
      const row = await makeInvoice(answered, company, { exclTaxCents: 100_000, paidAt: paid ? new Date() : null });
      await setDueDate(row.id, dueDate);
      return row;
    };
    const overdueLong = await invoice('2001-01-15');
    const overdueYesterday = await invoice(addDays(today, -1));
    const dueToday = await invoice(today);
    const paidLate = await invoice('2001-01-10', true);
    const credited = await invoice('2001-01-05');
    await creditNote(credited, staffUser);

    // Subscriptions whose last day is within 30 days; a renewed one keeps the client covered.
    const subscriptionsCompany = await createCompany({ name: `Todo subs ${process.pid} ${Date.now()}` });
    const started = new Date(Date.now() - 60 * dayMs);
    const ending = (days: number) => algiersMidnight(addDays(today, days));
    const endsIn1 = await subscription(subscriptionsCompany.id, 'management', started, ending(1));
    const endsIn30 = await subscription(subscriptionsCompany.id, 'support', started, ending(30));
    const endsIn31 = await subscription(subscriptionsCompany.id, 'full', started, ending(31));
    const renewedCompany = await createCompany();
    const renewed = await subscription(renewedCompany.id, 'support', started, ending(5));
    const renewal = await subscription(renewedCompany.id, 'support', ending(5), ending(95));
    const endedCompany = await createCompany();
    const ended = await subscription(endedCompany.id, 'support', started, new Date(Date.now() - dayMs));

    // Subscribed clients who used up their monthly tickets (support and full plans count tickets).
    const overCompany = await createCompany({ name: `Todo over ${process.pid} ${Date.now()}` });
    await subscription(overCompany.id, 'support', started, ending(60), 3);
    const overTarget = { companyId: overCompany.id, entityId: newEntityId() };
    for (let i = 0; i < 4; i += 1) await insertTicket(overTarget);
    const underCompany = await createCompany();
    await subscription(underCompany.id, 'full', started, ending(60), 3);
    const underTarget = { companyId: underCompany.id, entityId: newEntityId() };
    await insertTicket(underTarget);
    await insertTicket(underTarget, { openedAt: new Date(Date.now() - 45 * dayMs) }); // an earlier month
    const managementCompany = await createCompany();
    await subscription(managementCompany.id, 'management', started, ending(60), 1);
    const managementTarget = { companyId: managementCompany.id, entityId: newEntityId() };
    for (let i = 0; i < 3; i += 1) await insertTicket(managementTarget); // a management plan counts no tickets

    const todo = await commercial.run((api) => api.backoffice.today({ limit: 100 }));
    const ids = (block: { items: Array<{ id: number }> }) => block.items.map((item) => item.id);

    expect(ids(todo.toCall)).toContain(newQuote.id);
    expect(ids(todo.toCall)).not.toContain(contacted.id);
    expect(todo.toCall.items.find((q) => q.id === newQuote.id)).toMatchObject({
      companyId: company.id,
      companyName: company.name,
      reference: expect.stringMatching(/^DV-/),
    });

    expect(ids(todo.expiringProformas)).toEqual(expect.arrayContaining([lastDayToday.id, lastDayIn7.id]));
    for (const id of [lastDayIn8.id, lapsed.id, answered.id]) expect(ids(todo.expiringProformas)).not.toContain(id);
    expect(todo.expiringProformas.items.find((p) => p.id === lastDayIn7.id)).toMatchObject({
      number: lastDayIn7.number,
      daysLeft: 7,
      validUntil: addDays(today, 7),
    });

    expect(ids(todo.purchaseOrders)).toContain(pendingOrder.id);
    expect(ids(todo.purchaseOrders)).not.toContain(reviewedOrder.id);
    expect(todo.purchaseOrders.items.find((o) => o.id === pendingOrder.id)).toMatchObject({
      proformaId: answered.id,
      proformaNumber: answered.number,
    });

    expect(ids(todo.overdueInvoices)).toEqual(expect.arrayContaining([overdueLong.id, overdueYesterday.id]));
    for (const id of [dueToday.id, paidLate.id, credited.id]) expect(ids(todo.overdueInvoices)).not.toContain(id);
    expect(todo.overdueInvoices.items.find((i) => i.id === overdueYesterday.id)).toMatchObject({
      daysLate: 1,
      dueDate: addDays(today, -1),
    });

    expect(ids(todo.endingSubscriptions)).toEqual(expect.arrayContaining([endsIn1.id, endsIn30.id]));
    for (const id of [endsIn31.id, renewed.id, renewal.id, ended.id]) expect(ids(todo.endingSubscriptions)).not.toContain(id);
    expect(todo.endingSubscriptions.items.find((s) => s.id === endsIn30.id)).toMatchObject({
      companyId: subscriptionsCompany.id,
      daysLeft: 30,
    });

    const over = todo.overAllowance.items.map((item) => item.companyId);
    expect(over).toContain(overCompany.id);
    expect(over).not.toContain(underCompany.id);
    expect(over).not.toContain(managementCompany.id);
    expect(todo.overAllowance.items.find((item) => item.companyId === overCompany.id)).toMatchObject({ used: 4, allowed: 3 });

    // Each count covers every qualifying record, not only the ones listed.
    for (const block of [
      todo.toCall,
      todo.expiringProformas,
      todo.purchaseOrders,
      todo.overdueInvoices,
      todo.endingSubscriptions,
      todo.overAllowance,
    ]) {
      expect(block.total).toBeGreaterThanOrEqual(block.items.length);
    }
    const short = await commercial.run((api) => api.backoffice.today({ limit: 1 }));
    expect(short.overdueInvoices.items).toHaveLength(1);
    expect(short.overdueInvoices.total).toBe(todo.overdueInvoices.total);
    expect(short.overdueInvoices.total).toBeGreaterThanOrEqual(2);
  });
});
