import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { EmailLogEntry, Notification, Service, Subscription, SubscriptionReminder } from '../../server/db/models';
import { getQueue } from '../../server/jobs/queues';
import { rowJobId } from '../../server/jobs/queue-work';
import { addMonths, algiersDate, algiersMidnight } from '../../server/calendar/algiers-calendar';
import { sendSubscriptionReminders } from '../../server/subscriptions/subscription-reminders';
import { isSuperClient } from '../../server/subscriptions/super-client';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createUser } from '../support/fixtures';
import {
  clientWithAcceptedProforma,
  createQuote,
  expectAppError,
  issueFromDraft,
  staffBrowser,
  type Browser,
  removeTestUploads,
} from './billing-support';

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-billing-tests-${process.pid}`;
});
beforeAll(seedCatalog);
afterAll(async () => {
  await removeTestUploads();
  await closeTestResources();
});

/** A paid invoice for a client: pro-forma accepted, transfer recorded, invoice issued. */
async function invoiceFor(
  staff: Browser,
  client?: Awaited<ReturnType<typeof clientOfNewCompany>>,
  quoteOptions: Parameters<typeof createQuote>[1] = {},
) {
  let proformaId: number;
  let setup: Awaited<ReturnType<typeof clientOfNewCompany>>;
  if (client) {
    const quote = await createQuote(client.user, quoteOptions);
    const proforma = await issueFromDraft(staff, quote.id);
    await client.browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'transfer' }));
    proformaId = proforma.id;
    setup = client;
  } else {
    const created = await clientWithAcceptedProforma(staff, quoteOptions);
    proformaId = created.proforma.id;
    setup = created;
  }
  await staff.run((api) => api.proformas.recordPayment({ proformaId, method: 'transfer' }));
  const invoice = await staff.run((api) => api.invoices.issue({ proformaId }));
  return { ...setup, invoice };
}

describe('subscriptions', () => {
  it('activates from an invoice (start today, months from the quote), queues provisioning and tells the client', async () => {
    const staff = await staffBrowser();
    const { invoice, company, user, browser } = await invoiceFor(staff.browser, undefined, { durationMonths: 6 });
    expect(await isSuperClient(company.id)).toBe(false);
    const activated = await staff.browser.run((api) => api.subscriptions.activate({ invoiceId: invoice.id }));
    expect(activated.renewal).toBe(false);
    expect(activated.months).toBe(6);
    expect(activated.startAt).toEqual(algiersMidnight(algiersDate()));
    expect(activated.endAt).toEqual(algiersMidnight(addMonths(algiersDate(), 6)));
    expect(await isSuperClient(company.id)).toBe(true);
    const row = await Subscription.findByPk(activated.id);
    expect(row).toMatchObject({ invoiceId: invoice.id, tierMaxQty: 20, months: 6 });

    const job = await getQueue('provision-client').getJob(
      rowJobId('provision', activated.id, (await Subscription.findByPk(activated.id))!.createdAt),
    );
    expect(job?.data).toMatchObject({ companyId: company.id });
    expect(await Notification.count({ where: { userId: user.id, kind: 'subscriptionActivated' } })).toBe(1);
    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'subscription-activated' } })).toBe(1);

    const current = await browser.run((api) => api.subscriptions.current());
    expect(current).toMatchObject({ id: activated.id, service: { code: 'support' }, tierMaxQty: 20 });
    expect(current!.daysLeft).toBeGreaterThan(150);
    const home = await browser.run((api) => api.documents.home());
    expect(home.subscription?.id).toBe(activated.id);
    expect(home.counts).toMatchObject({ proformas: 1, invoices: 1 });

    await expectAppError(
      staff.browser.run((api) => api.subscriptions.activate({ invoiceId: invoice.id })),
      'errors.billing.subscriptionAlreadyActivated',
    );
  });

  it('a renewal extends from the current end, not from today', async () => {
    const staff = await staffBrowser();
    const first = await invoiceFor(staff.browser, undefined, { durationMonths: 3 });
    const a = await staff.browser.run((api) => api.subscriptions.activate({ invoiceId: first.invoice.id }));
    const second = await invoiceFor(staff.browser, first, { durationMonths: 12 });
    const b = await staff.browser.run((api) => api.subscriptions.activate({ invoiceId: second.invoice.id }));
    expect(b.renewal).toBe(true);
    expect(b.startAt).toEqual(a.endAt);
    expect(b.endAt).toEqual(algiersMidnight(addMonths(algiersDate(a.endAt), 12)));
    const current = await first.browser.run((api) => api.subscriptions.current());
    expect(current?.endAt).toEqual(b.endAt);
  });

  it('a start date in the past is refused; a credited invoice cannot start a subscription', async () => {
    const staff = await staffBrowser();
    const { invoice } = await invoiceFor(staff.browser);
    await expectAppError(
      staff.browser.run((api) => api.subscriptions.activate({ invoiceId: invoice.id, startDate: '2020-01-01' })),
      'validation.billing.notInPast',
    );
    await staff.browser.run((api) => api.invoices.issueCreditNote({ invoiceId: invoice.id, reason: 'Annulée à la demande du client.' }));
    await expectAppError(
      staff.browser.run((api) => api.subscriptions.activate({ invoiceId: invoice.id })),
      'errors.billing.invoiceCredited',
    );
  });

  it('sends each reminder (30, 7, 1 days, and on the day) exactly once, even when the job runs twice', async () => {
    const { company } = await clientOfNewCompany();
    const second = await createUser('client', company.id);
    const service = await Service.findOne({ where: { code: 'full' }, rejectOnEmpty: true });
    const today = algiersDate();
    const endingIn = (days: number) =>
      algiersMidnight(new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10));
    const subscription = await Subscription.create({
      companyId: company.id,
      serviceId: service.id,
      tierMaxQty: 20,
      monthlyPriceDa: 160_000,
      months: 1,
      startAt: new Date(Date.now() - 20 * 86_400_000),
      endAt: endingIn(6),
    });
    const [r1, r2] = await Promise.all([sendSubscriptionReminders(), sendSubscriptionReminders()]);
    await sendSubscriptionReminders();
    expect(r1.sent + r2.sent).toBeGreaterThanOrEqual(1);
    expect(await SubscriptionReminder.findAll({ where: { subscriptionId: subscription.id } })).toHaveLength(1);
    expect((await SubscriptionReminder.findOne({ where: { subscriptionId: subscription.id } }))!.kind).toBe('d7');
    expect(await Notification.count({ where: { userId: second.id, kind: 'subscriptionEnding' } })).toBe(1);
    expect(await EmailLogEntry.count({ where: { recipient: second.email, template: 'subscription-ending' } })).toBe(1);

    // The next steps: one day before, then on the day.
    await subscription.update({ endAt: endingIn(1) });
    await sendSubscriptionReminders();
    await sendSubscriptionReminders();
    await subscription.update({ endAt: endingIn(0) });
    await sendSubscriptionReminders();
    await sendSubscriptionReminders();
    const kinds = (await SubscriptionReminder.findAll({ where: { subscriptionId: subscription.id } })).map((r) => r.kind).sort();
    expect(kinds).toEqual(['d0', 'd1', 'd7']);
    expect(await EmailLogEntry.count({ where: { recipient: second.email, template: 'subscription-ends' } })).toBe(1);
    expect(await Notification.count({ where: { userId: second.id, kind: 'subscriptionEnding' } })).toBe(2);
  });

  it('sends no reminder for a period already renewed', async () => {
    const { company, user } = await clientOfNewCompany();
    const service = await Service.findOne({ where: { code: 'support' }, rejectOnEmpty: true });
    const end = new Date(Date.now() + 5 * 86_400_000);
    const base = { companyId: company.id, serviceId: service.id, tierMaxQty: 10, monthlyPriceDa: 80_000, months: 1 };
    await Subscription.create({ ...base, startAt: new Date(Date.now() - 25 * 86_400_000), endAt: end });
    await Subscription.create({ ...base, startAt: end, endAt: new Date(end.getTime() + 30 * 86_400_000) });
    await sendSubscriptionReminders();
    expect(await Notification.count({ where: { userId: user.id, kind: 'subscriptionEnding' } })).toBe(0);
  });
});
