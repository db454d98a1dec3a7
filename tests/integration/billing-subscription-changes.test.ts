import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { AuditEntry, EmailLogEntry, Invoice, Notification, PriceTier, Proforma, Subscription } from '../../server/db/models';
import { config } from '../../server/config';
import { proformaDocumentInput } from '../../server/sales/proformas/proforma-document';
import { issueRenewalProformas } from '../../server/subscriptions/auto-renewal';
import { sendSubscriptionReminders } from '../../server/subscriptions/subscription-reminders';
import { isSuperClient } from '../../server/subscriptions/super-client';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany } from '../support/fixtures';
import { createQuote, expectAppError, issueFromDraft, removeTestUploads, staffBrowser, type Browser } from './billing-support';

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-billing-tests-${process.pid}`;
});
beforeAll(seedCatalog);
afterAll(async () => {
  await removeTestUploads();
  await closeTestResources();
});

const DAY = 86_400_000;
/** The Algiers calendar day `days` from now, computed here rather than with the code under test. */
const algiersDayIn = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date(Date.now() + days * DAY));
const algiersMidnightOf = (day: string) => new Date(`${day}T00:00:00+01:00`);

/** A pro-forma accepted by the client, paid by transfer, invoiced and activated by staff. */
async function payAndActivate(staff: Browser, client: Browser, proformaId: number) {
  await client.run((api) => api.proformas.accept({ proformaId, paymentMethod: 'transfer' }));
  await staff.run((api) => api.proformas.recordPayment({ proformaId, method: 'transfer', reference: 'VIR-TEST' }));
  const invoice = await staff.run((api) => api.invoices.issue({ proformaId }));
  return { invoice, activated: await staff.run((api) => api.subscriptions.activate({ invoiceId: invoice.id })) };
}

/** A client whose company runs a 12-month support subscription (15 tickets a month: the tier up to 20) from today. */
async function subscribedClient(staff: Browser) {
  const client = await clientOfNewCompany();
  const quote = await createQuote(client.user, { durationMonths: 12, ticketsPerMonth: 15 });
  const proforma = await issueFromDraft(staff, quote.id);
  const { activated } = await payAndActivate(staff, client.browser, proforma.id);
  return { ...client, subscription: (await Subscription.findByPk(activated.id))! };
}

describe('tier change', () => {
  it('an upgrade is sold on a pro-forma prorated to the days left, and takes effect on the chosen day once its invoice is activated', async () => {
    const staff = await staffBrowser();
    const { browser, user, company, subscription } = await subscribedClient(staff.browser);
    const higher = await PriceTier.findOne({ where: { serviceId: subscription.serviceId, maxQty: 30 }, rejectOnEmpty: true });
    const effectiveOn = algiersDayIn(40);

    const change = await browser.run((api) =>
      api.subscriptions.changeTier({ subscriptionId: subscription.id, tierMaxQty: 30, effectiveOn }),
    );
    expect(change.kind).toBe('proforma');

    // The oracle: the monthly difference over the 12 months, for the share of the period's days left.
    const daysInPeriod = (subscription.endAt.getTime() - subscription.startAt.getTime()) / DAY;
    const daysLeft = (subscription.endAt.getTime() - algiersMidnightOf(effectiveOn).getTime()) / DAY;
    expect(Number.isInteger(daysInPeriod) && Number.isInteger(daysLeft)).toBe(true);
    const expectedExclTaxCents = Math.round(((higher.monthlyPriceDa - subscription.monthlyPriceDa) * 12 * 100 * daysLeft) / daysInPeriod);
    expect(expectedExclTaxCents).toBeGreaterThan(0);
    const proforma = await Proforma.findByPk(change.proforma!.id, { rejectOnEmpty: true });
    expect(proforma).toMatchObject({
      purpose: 'tier_change',
      subscriptionId: subscription.id,
      effectiveOn,
      tierMaxQty: 30,
      status: 'pending',
      companyId: company.id,
    });
    expect(Number(proforma.totalExclTaxCents)).toBe(expectedExclTaxCents);
    expect(Number(proforma.totalInclTaxCents)).toBe(expectedExclTaxCents + Math.round(expectedExclTaxCents * 0.19));
    expect(proforma.lines[0]!.description).toContain(`${daysLeft} jours sur ${daysInPeriod}`);
    expect((await proformaDocumentInput(proforma)).notes).toMatch(
      /^Changement de palier de l’abonnement en cours à compter du \d\d\/\d\d\/\d{4}/,
    );

    // One change at a time.
    await expectAppError(
      browser.run((api) => api.subscriptions.changeTier({ subscriptionId: subscription.id, tierMaxQty: 40, effectiveOn })),
      'errors.subscriptionChanges.changePending',
    );
    expect((await browser.run((api) => api.subscriptions.current()))!.pendingChange).toEqual({ id: proforma.id, number: proforma.number });

    const { invoice, activated } = await payAndActivate(staff.browser, browser, proforma.id);
    expect(activated.renewal).toBe(false);
    const old = await Subscription.findByPk(subscription.id, { rejectOnEmpty: true });
    expect(old.status).toBe('replaced');
    expect(old.endAt).toEqual(algiersMidnightOf(effectiveOn));
    const next = await Subscription.findByPk(activated.id, { rejectOnEmpty: true });
    expect(next).toMatchObject({
      status: 'active',
      tierMaxQty: 30,
      monthlyPriceDa: higher.monthlyPriceDa,
      invoiceId: invoice.id,
      months: 12,
    });
    expect(next.startAt).toEqual(algiersMidnightOf(effectiveOn));
    expect(next.endAt).toEqual(subscription.endAt);
    expect(await isSuperClient(company.id)).toBe(true);

    const current = await browser.run((api) => api.subscriptions.current());
    expect(current).toMatchObject({
      id: subscription.id,
      status: 'replaced',
      tierMaxQty: 20,
      scheduledChange: { tierMaxQty: 30 },
      last: { id: next.id },
    });
    expect(current!.endAt).toEqual(subscription.endAt);
    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'subscription-tier-changed' } })).toBe(1);
    const audit = await AuditEntry.findOne({
      where: { recordType: 'subscription', recordId: String(subscription.id), action: 'subscription.changeTier' },
      rejectOnEmpty: true,
    });
    expect(audit.details).toMatchObject({ from: 'active', to: 'replaced', fromTier: 20, toTier: 30, effectiveOn });
  });

  it('a downgrade takes effect on the chosen day at once, with no pro-forma', async () => {
    const staff = await staffBrowser();
    const { browser, user, subscription } = await subscribedClient(staff.browser);
    const effectiveOn = algiersDayIn(1);
    const change = await browser.run((api) =>
      api.subscriptions.changeTier({ subscriptionId: subscription.id, tierMaxQty: 10, effectiveOn }),
    );
    expect(change).toMatchObject({ kind: 'applied', proforma: null });
    expect(change.amountExclTaxCents).toBeLessThan(0);
    expect(await Proforma.count({ where: { subscriptionId: subscription.id } })).toBe(0);
    const rows = await Subscription.findAll({ where: { companyId: subscription.companyId }, order: [['startAt', 'ASC']] });
    expect(rows.map((r) => [r.status, r.tierMaxQty, r.invoiceId])).toEqual([
      ['replaced', 20, subscription.invoiceId],
      ['active', 10, subscription.invoiceId],
    ]);
    expect(rows[1]!.startAt).toEqual(algiersMidnightOf(effectiveOn));
    expect(await Notification.count({ where: { userId: user.id, kind: 'subscriptionTierChanged' } })).toBe(1);

    // The old invoice credited: the sale is cancelled, both periods with it.
    await staff.browser.run((api) => api.invoices.issueCreditNote({ invoiceId: subscription.invoiceId!, reason: 'Annulation demandée.' }));
    expect((await Subscription.findAll({ where: { companyId: subscription.companyId } })).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect((await Invoice.findByPk(subscription.invoiceId!))!.status).toBe('credited');
  });

  it('refuses a day outside the period, the same tier, an unknown tier, and another company’s subscription', async () => {
    const staff = await staffBrowser();
    const { browser, subscription } = await subscribedClient(staff.browser);
    const other = await clientOfNewCompany();
    const input = { subscriptionId: subscription.id, tierMaxQty: 30, effectiveOn: algiersDayIn(5) };
    await expectAppError(
      browser.run((api) => api.subscriptions.changeTier({ ...input, effectiveOn: algiersDayIn(-1) })),
      'validation.subscriptionChanges.effectiveOn',
    );
    await expectAppError(
      browser.run((api) => api.subscriptions.changeTier({ ...input, effectiveOn: algiersDayIn(400) })),
      'validation.subscriptionChanges.effectiveOn',
    );
    await expectAppError(
      browser.run((api) => api.subscriptions.changeTier({ ...input, tierMaxQty: 20 })),
      'validation.subscriptionChanges.sameTier',
    );
    await expectAppError(
      browser.run((api) => api.subscriptions.changeTier({ ...input, tierMaxQty: 25 })),
      'validation.subscriptionChanges.tier',
    );
    await expectAppError(
      other.browser.run((api) => api.subscriptions.changeTier(input)),
      'errors.notFound',
    );
    // Staff may change any company's.
    const byStaff = await staff.browser.run((api) => api.subscriptions.changeTierOf(input));
    expect(byStaff.kind).toBe('proforma');
  });
});

describe('cancellation at term', () => {
  it('the client asks, staff are told, the period runs to its end, nothing renews it', async () => {
    const staff = await staffBrowser();
    const { browser, user, company, subscription } = await subscribedClient(staff.browser);
    await browser.run((api) => api.subscriptions.setAutoRenew({ subscriptionId: subscription.id, autoRenew: true }));
    const cancelled = await browser.run((api) => api.subscriptions.cancelAtTerm({ subscriptionId: subscription.id }));
    expect(cancelled).toMatchObject({ status: 'cancelled_at_term' });
    expect(cancelled.endAt).toEqual(subscription.endAt);

    const row = await Subscription.findByPk(subscription.id, { rejectOnEmpty: true });
    expect(row).toMatchObject({ status: 'cancelled_at_term', autoRenew: false });
    expect(row.endAt).toEqual(subscription.endAt);
    expect(await isSuperClient(company.id)).toBe(true);
    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'subscription-cancelled-at-term' } })).toBe(1);
    expect(
      await EmailLogEntry.count({ where: { recipient: config.STAFF_EMAIL, template: 'subscription-cancel-requested' } }),
    ).toBeGreaterThanOrEqual(1);
    expect(await Notification.count({ where: { userId: staff.user.id, kind: 'subscriptionCancelRequested' } })).toBe(1);
    expect((await staff.browser.run((api) => api.subscriptions.ofCompany({ companyId: company.id })))!.last).toMatchObject({
      status: 'cancelled_at_term',
    });

    // Twice is refused by the machine; renewal can no longer be switched on.
    await expectAppError(
      browser.run((api) => api.subscriptions.cancelAtTerm({ subscriptionId: subscription.id })),
      'errors.illegalTransition.subscription',
    );
    await expectAppError(
      browser.run((api) => api.subscriptions.setAutoRenew({ subscriptionId: subscription.id, autoRenew: true })),
      'errors.subscriptionChanges.notRenewable',
    );

    // Near its end: no renewal pro-forma, no reminder inviting to renew.
    await row.update({ startAt: new Date(Date.now() - 300 * DAY), endAt: new Date(Date.now() + 10 * DAY) });
    await issueRenewalProformas();
    await sendSubscriptionReminders();
    expect(await Proforma.count({ where: { subscriptionId: subscription.id } })).toBe(0);
    expect(await Notification.count({ where: { userId: user.id, kind: 'subscriptionEnding' } })).toBe(0);
  });
});

describe('automatic renewal', () => {
  it('issues one renewal pro-forma 30 days before the end, even when the job runs twice at once; its activation renews from the end', async () => {
    const staff = await staffBrowser();
    const { browser, user, subscription } = await subscribedClient(staff.browser);
    const tier = await PriceTier.findOne({ where: { serviceId: subscription.serviceId, maxQty: 20 }, rejectOnEmpty: true });

    // Not opted in: nothing.
    await subscription.update({ startAt: new Date(Date.now() - 340 * DAY), endAt: new Date(Date.now() + 20 * DAY) });
    await issueRenewalProformas();
    expect(await Proforma.count({ where: { subscriptionId: subscription.id } })).toBe(0);

    await browser.run((api) => api.subscriptions.setAutoRenew({ subscriptionId: subscription.id, autoRenew: true }));
    const runs = await Promise.all([issueRenewalProformas(), issueRenewalProformas()]);
    await issueRenewalProformas();
    expect(runs[0].issued + runs[1].issued).toBe(1);
    const renewal = await Proforma.findOne({ where: { subscriptionId: subscription.id }, rejectOnEmpty: true });
    expect(renewal).toMatchObject({ purpose: 'renewal', issuedByUserId: null, tierMaxQty: 20, months: 12, status: 'pending' });
    expect(renewal.lines).toMatchObject([{ quantity: 12, unitPriceCents: tier.monthlyPriceDa * 100 }]);
    expect(Number(renewal.totalExclTaxCents)).toBe(12 * tier.monthlyPriceDa * 100);
    expect((await proformaDocumentInput(renewal)).notes).toMatch(/^Renouvellement de l’abonnement pour 12 mois\./);
    expect((await Subscription.findByPk(subscription.id))!.renewalProformaId).toBe(renewal.id);
    expect(await Notification.count({ where: { userId: user.id, kind: 'proformaIssued' } })).toBe(2);

    const { activated } = await payAndActivate(staff.browser, browser, renewal.id);
    expect(activated.renewal).toBe(true);
    expect(activated.startAt).toEqual((await Subscription.findByPk(subscription.id))!.endAt);
    expect((await Subscription.findByPk(activated.id))!.autoRenew).toBe(true);
  });

  it('does not renew a subscription ending in more than 30 days', async () => {
    const staff = await staffBrowser();
    const { browser, subscription } = await subscribedClient(staff.browser);
    await browser.run((api) => api.subscriptions.setAutoRenew({ subscriptionId: subscription.id, autoRenew: true }));
    await subscription.update({ endAt: new Date(Date.now() + 45 * DAY) });
    await issueRenewalProformas();
    expect(await Proforma.count({ where: { subscriptionId: subscription.id } })).toBe(0);
  });
});
