import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { AuditEntry, EmailLogEntry, Notification, Proforma, QuoteRequest } from '../../server/db/models';
import { expireOverdueProformas } from '../../server/sales/proformas/expire-proformas';
import { addDays, algiersDate } from '../../server/calendar/algiers-calendar';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany, createUser, loggedIn } from '../support/fixtures';
import {
  clientWithAcceptedProforma,
  clientWithProforma,
  createQuote,
  expectAppError,
  expectFieldErrors,
  issueFromDraft,
  staffBrowser,
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

const year = Number(algiersDate().slice(0, 4));

describe('pro-formas', () => {
  it('pre-fills the line from tier × duration and issues PF-YYYY-NNNN with VAT 19 % in centimes', async () => {
    const staff = await staffBrowser();
    const client = await clientOfNewCompany();
    const quote = await createQuote(client.user, { ticketsPerMonth: 15, durationMonths: 12 });

    const draft = await staff.browser.run((api) => api.proformas.draft({ quoteRequestId: quote.id }));
    expect(draft.aboveTopTier).toBe(false);
    expect(draft.lines).toEqual([expect.objectContaining({ quantity: 12, unitPriceDa: 120_000, discountPercent: 0 })]);
    expect(draft.lines[0]!.description).toContain('palier 11 à 20');
    expect(draft.validUntil).toBe(addDays(algiersDate(), 30));

    const issued = await staff.browser.run((api) =>
      api.proformas.issue({ quoteRequestId: quote.id, lines: [{ ...draft.lines[0]!, unitPriceDa: 110_000.5, discountPercent: 10 }] }),
    );
    expect(issued.number).toMatch(new RegExp(`^PF-${year}-\\d{4}$`));
    const row = await Proforma.findByPk(issued.id);
    // 12 × 110 000,50 × 90 % = 1 188 005,40 DA; VAT 225 721,03 DA.
    expect(row).toMatchObject({
      status: 'pending',
      months: 12,
      tierMaxQty: 20,
      totalExclTaxCents: 118_800_540,
      vatCents: 22_572_103,
      totalInclTaxCents: 141_372_643,
    });
    expect(row!.validUntil).toBe(addDays(algiersDate(), 30));
    expect((await QuoteRequest.findByPk(quote.id))!.status).toBe('proforma_sent');
    expect(await AuditEntry.count({ where: { action: 'proforma.issue', recordId: String(issued.id) } })).toBe(1);
    expect(await Notification.count({ where: { userId: client.user.id, kind: 'proformaIssued' } })).toBe(1);

    // One live offer per request.
    await expectAppError(issueFromDraft(staff.browser, quote.id), 'errors.billing.proformaAlreadyOpen');
  });

  it('above the top tier, the commercial must type the price', async () => {
    const staff = await staffBrowser();
    const client = await clientOfNewCompany();
    const quote = await createQuote(client.user, { ticketsPerMonth: 75 });
    const draft = await staff.browser.run((api) => api.proformas.draft({ quoteRequestId: quote.id }));
    expect(draft.aboveTopTier).toBe(true);
    expect(draft.lines[0]!.unitPriceDa).toBeNull();
    const errors = await expectFieldErrors(
      staff.browser.run((api) => api.proformas.issue({ quoteRequestId: quote.id, lines: [{ ...draft.lines[0]!, unitPriceDa: 0 }] })),
    );
    expect(errors).toMatchObject({ 'lines.0.unitPriceDa': 'validation.billing.priceRequired' });
    const issued = await staff.browser.run((api) =>
      api.proformas.issue({ quoteRequestId: quote.id, lines: [{ ...draft.lines[0]!, unitPriceDa: 320_000 }] }),
    );
    expect((await Proforma.findByPk(issued.id))!.tierMaxQty).toBeNull();
  });

  it('refuses a validity date in the past and issuing for a cancelled request', async () => {
    const staff = await staffBrowser();
    const client = await clientOfNewCompany();
    const quote = await createQuote(client.user);
    const draft = await staff.browser.run((api) => api.proformas.draft({ quoteRequestId: quote.id }));
    const lines = draft.lines.map((l) => ({ ...l, unitPriceDa: l.unitPriceDa! }));
    await expectAppError(
      staff.browser.run((api) => api.proformas.issue({ quoteRequestId: quote.id, lines, validUntil: addDays(algiersDate(), -1) })),
      'validation.billing.validUntil',
    );
    const cancelled = await createQuote(client.user, { status: 'cancelled' });
    const error = await expectAppError(
      staff.browser.run((api) => api.proformas.issue({ quoteRequestId: cancelled.id, lines })),
      'errors.illegalTransition.quote',
    );
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(await Proforma.count({ where: { quoteRequestId: cancelled.id } })).toBe(0);
  });

  it('the client accepts with a payment method: the quote is accepted and the staff told in-app and by e-mail', async () => {
    const staff = await staffBrowser();
    const { browser, user, proforma, quote } = await clientWithProforma(staff.browser);
    await expectFieldErrors(browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: '' })));
    await expectAppError(
      browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'bitcoin' })),
      'validation.billing.paymentMethod',
    );

    await browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'transfer' }));
    expect(await Proforma.findByPk(proforma.id)).toMatchObject({ status: 'accepted', paymentMethod: 'transfer' });
    expect((await QuoteRequest.findByPk(quote.id))!.status).toBe('accepted');
    expect(await Notification.count({ where: { userId: staff.user.id, kind: 'proformaAccepted' } })).toBe(1);
    expect(await EmailLogEntry.count({ where: { template: 'proforma-accepted' } })).toBeGreaterThan(0);
    const audit = await AuditEntry.findAll({ where: { action: 'proforma.accept', recordId: String(proforma.id) } });
    expect(audit.map((a) => ({ recordType: a.recordType, actorUserId: a.actorUserId, details: a.details }))).toEqual([
      {
        recordType: 'proforma',
        actorUserId: user.id,
        details: { from: 'pending', to: 'accepted', number: proforma.number, paymentMethod: 'transfer' },
      },
    ]);
    // The quote moved with its pro-forma (issued, then accepted): the pro-forma's rows tell it, the quote has none.
    expect(await AuditEntry.count({ where: { recordType: 'quote_request', recordId: String(quote.id) } })).toBe(0);

    // Accepted is final.
    await expectAppError(
      browser.run((api) => api.proformas.refuse({ proformaId: proforma.id })),
      'errors.illegalTransition.proforma',
    );
  });

  it('the client refuses with a reason, and the commercial may then issue a new one', async () => {
    const staff = await staffBrowser();
    const { browser, proforma, quote } = await clientWithProforma(staff.browser);
    await browser.run((api) => api.proformas.refuse({ proformaId: proforma.id, reason: 'Trop cher pour nous cette année.' }));
    expect(await Proforma.findByPk(proforma.id)).toMatchObject({ status: 'refused', refusalReason: 'Trop cher pour nous cette année.' });
    expect((await QuoteRequest.findByPk(quote.id))!.status).toBe('refused');
    await expectAppError(
      browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'cash' })),
      'errors.illegalTransition.proforma',
    );
    const second = await issueFromDraft(staff.browser, quote.id);
    expect(second.number).not.toBe(proforma.number);
  });

  it('a pro-forma past its validity cannot be accepted: it is marked expired and a new quote is offered', async () => {
    const staff = await staffBrowser();
    const { browser, proforma, quote, user } = await clientWithProforma(staff.browser);
    await Proforma.update({ validUntil: addDays(algiersDate(), -1) }, { where: { id: proforma.id } });

    const error = await expectAppError(
      browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'cash' })),
      'errors.billing.proformaExpired',
    );
    expect(error.params).toEqual({ number: proforma.number, quoteId: quote.id });
    // The expiry is kept although the step was refused.
    expect((await Proforma.findByPk(proforma.id))!.status).toBe('expired');
    expect((await QuoteRequest.findByPk(quote.id))!.status).toBe('expired');
    const notice = await Notification.findOne({ where: { userId: user.id, kind: 'proformaExpired' } });
    expect(notice?.link).toBe(`/quote?from=${quote.id}`);
    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'proforma-expired' } })).toBe(1);

    // Asked again: the same clear refusal, nothing changes.
    await expectAppError(
      browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'cash' })),
      'errors.billing.proformaExpired',
    );
    const detail = await browser.run((api) => api.proformas.mine({ id: proforma.id }));
    expect(detail).toMatchObject({ status: 'expired', quoteRequestId: quote.id, next: { respond: false } });
  });

  it('is valid through its whole last day', async () => {
    const staff = await staffBrowser();
    const { browser, proforma, quote } = await clientWithProforma(staff.browser);
    await Proforma.update({ validUntil: algiersDate() }, { where: { id: proforma.id } });
    await browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'cheque' }));
    expect(await Proforma.findByPk(proforma.id)).toMatchObject({ status: 'accepted', paymentMethod: 'cheque' });
    expect((await QuoteRequest.findByPk(quote.id))!.status).toBe('accepted');
  });

  it('the scheduled job expires overdue pending pro-formas once', async () => {
    const staff = await staffBrowser();
    const overdue = await clientWithProforma(staff.browser);
    const live = await clientWithProforma(staff.browser);
    await Proforma.update({ validUntil: addDays(algiersDate(), -2) }, { where: { id: overdue.proforma.id } });
    expect(await expireOverdueProformas()).toBeGreaterThanOrEqual(1);
    expect((await Proforma.findByPk(overdue.proforma.id))!.status).toBe('expired');
    expect((await Proforma.findByPk(live.proforma.id))!.status).toBe('pending');
    await expireOverdueProformas();
    expect(await Notification.count({ where: { userId: overdue.user.id, kind: 'proformaExpired' } })).toBe(1);
  });

  it("a client cannot read, accept or refuse another company's pro-forma (not found), nor issue one", async () => {
    const staff = await staffBrowser();
    const { proforma } = await clientWithProforma(staff.browser);
    const stranger = await clientOfNewCompany();
    await expectAppError(
      stranger.browser.run((api) => api.proformas.mine({ id: proforma.id })),
      'errors.notFound',
    );
    await expectAppError(
      stranger.browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'cash' })),
      'errors.notFound',
    );
    await expectAppError(
      stranger.browser.run((api) => api.proformas.refuse({ proformaId: proforma.id })),
      'errors.notFound',
    );
    expect((await Proforma.findByPk(proforma.id))!.status).toBe('pending');
    await expectAppError(
      stranger.browser.run((api) => api.proformas.get({ id: proforma.id })),
      'errors.forbidden',
    );
    await expectAppError(
      stranger.browser.run((api) => api.proformas.draft({ quoteRequestId: proforma.id })),
      'errors.forbidden',
    );
    // And staff do not answer for the client.
    await expectAppError(
      staff.browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'cash' })),
      'errors.forbidden',
    );
  });

  it('records a cash, transfer or cheque payment on an accepted pro-forma only, once', async () => {
    const staff = await staffBrowser();
    const pending = await clientWithProforma(staff.browser);
    await expectAppError(
      staff.browser.run((api) => api.proformas.recordPayment({ proformaId: pending.proforma.id, method: 'cash' })),
      'errors.billing.paymentNeedsAcceptedProforma',
    );

    const { proforma, user } = await clientWithAcceptedProforma(staff.browser);
    await staff.browser.run((api) => api.proformas.recordPayment({ proformaId: proforma.id, method: 'cheque', reference: 'CHQ 0045871' }));
    expect(await Proforma.findByPk(proforma.id)).toMatchObject({ paymentMethod: 'cheque', paymentReference: 'CHQ 0045871' });
    expect(await Notification.count({ where: { userId: user.id, kind: 'paymentRecorded' } })).toBe(1);
    await expectAppError(
      staff.browser.run((api) => api.proformas.recordPayment({ proformaId: proforma.id, method: 'cash' })),
      'errors.billing.paymentAlreadyRecorded',
    );
    const detail = await staff.browser.run((api) => api.proformas.get({ id: proforma.id }));
    expect(detail.next).toMatchObject({ recordPayment: false, issueInvoice: true, uploadPurchaseOrder: false });
  });

  it('an admin may issue too; a client-less commercial account cannot call client procedures', async () => {
    const admin = await staffBrowser('admin');
    const client = await clientOfNewCompany();
    const quote = await createQuote(client.user);
    await issueFromDraft(admin.browser, quote.id);
    const commercial = await loggedIn(await createUser('commercial'));
    await expectAppError(
      commercial.run((api) => api.documents.list()),
      'errors.forbidden',
    );
  });
});
