import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Op } from 'sequelize';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { AuditEntry, Invoice, Subscription } from '../../server/db/models';
import { isSuperClient } from '../../server/subscriptions/super-client';
import { closeTestResources } from '../support/close-resources';
import {
  clientWithAcceptedProforma,
  createQuote,
  issueFromDraft,
  removeTestUploads,
  staffBrowser,
  type Browser,
} from '../integration/billing-support';

/**
 * Issue 13, point 2: a credit note that cancels an invoice ends the subscription that invoice paid
 * for, in its own transaction with the audit; the pro-forma cannot then be invoiced and activated
 * again (24 months of service for one 12-month payment).
 */
vi.hoisted(() => {
  process.env.UPLOAD_DIR = `/tmp/ytech-security-credit-${process.pid}`;
});
beforeAll(seedCatalog);
afterAll(async () => {
  await removeTestUploads();
  await closeTestResources();
});

/** A client whose 12-month pro-forma is paid by transfer and invoiced. */
async function paidAndInvoiced(staff: Browser) {
  const setup = await clientWithAcceptedProforma(staff, { durationMonths: 12 });
  await staff.run((api) => api.proformas.recordPayment({ proformaId: setup.proforma.id, method: 'transfer' }));
  const invoice = await staff.run((api) => api.invoices.issue({ proformaId: setup.proforma.id }));
  return { ...setup, invoice };
}

/** Every month of service bought with this pro-forma's invoices. */
async function monthsPaidBy(proformaId: number) {
  const invoices = await Invoice.findAll({ where: { proformaId }, attributes: ['id'] });
  const subscriptions = await Subscription.findAll({ where: { invoiceId: { [Op.in]: invoices.map((i) => i.id) } } });
  const now = Date.now();
  return subscriptions.reduce((sum, s) => sum + Math.max(0, s.endAt.getTime() - Math.max(s.startAt.getTime(), now)), 0) / (30 * 86_400_000);
}

describe('a credit note on an invoice that started a subscription', () => {
  it('ends the subscription at once, with an audit row naming the credit note', async () => {
    const { browser: staff } = await staffBrowser();
    const { company, invoice } = await paidAndInvoiced(staff);
    const activated = await staff.run((api) => api.subscriptions.activate({ invoiceId: invoice.id }));
    expect(await isSuperClient(company.id)).toBe(true);

    const note = await staff.run((api) =>
      api.invoices.issueCreditNote({ invoiceId: invoice.id, reason: 'Paiement annulé par la banque.' }),
    );

    const ended = await Subscription.findByPk(activated.id, { rejectOnEmpty: true });
    expect(ended.endAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await isSuperClient(company.id)).toBe(false);
    const audit = await AuditEntry.findOne({
      where: { recordType: 'subscription', recordId: String(activated.id), action: 'subscription.cancel' },
    });
    expect(audit?.details).toMatchObject({ creditNote: note.number, invoice: invoice.number });
  });

  it('refuses to invoice and activate the same pro-forma again: no second period for one payment', async () => {
    const { browser: staff } = await staffBrowser();
    const { proforma, invoice } = await paidAndInvoiced(staff);
    await staff.run((api) => api.subscriptions.activate({ invoiceId: invoice.id }));
    await staff.run((api) => api.invoices.issueCreditNote({ invoiceId: invoice.id, reason: 'Erreur de saisie.' }));

    const again = await staff
      .run(async (api) => {
        const second = await api.invoices.issue({ proformaId: proforma.id });
        return api.subscriptions.activate({ invoiceId: second.id });
      })
      .then(
        () => null,
        (error: { code: string }) => error.code,
      );
    expect(again).toMatch(/CONFLICT|PRECONDITION_FAILED/);
    expect(await monthsPaidBy(proforma.id)).toBeLessThan(0.1);
  });

  it('ends a renewal that has not started yet before it starts, and leaves the running period alone', async () => {
    const { browser: staff } = await staffBrowser();
    const first = await paidAndInvoiced(staff);
    const running = await staff.run((api) => api.subscriptions.activate({ invoiceId: first.invoice.id }));
    // The same company renews: a second pro-forma, paid and invoiced, starts when the first ends.
    const quote = await createQuote(first.user, { durationMonths: 12 });
    const proforma = await issueFromDraft(staff, quote.id);
    await first.browser.run((api) => api.proformas.accept({ proformaId: proforma.id, paymentMethod: 'transfer' }));
    await staff.run((api) => api.proformas.recordPayment({ proformaId: proforma.id, method: 'transfer' }));
    const renewalInvoice = await staff.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    const renewal = await staff.run((api) => api.subscriptions.activate({ invoiceId: renewalInvoice.id }));
    expect(renewal.renewal).toBe(true);

    await staff.run((api) => api.invoices.issueCreditNote({ invoiceId: renewalInvoice.id, reason: 'Renouvellement annulé.' }));
    const cancelled = await Subscription.findByPk(renewal.id, { rejectOnEmpty: true });
    expect(cancelled.endAt.getTime()).toBe(cancelled.startAt.getTime());
    expect((await Subscription.findByPk(running.id, { rejectOnEmpty: true })).endAt).toEqual(running.endAt);
    expect(await isSuperClient(first.company.id)).toBe(true);
  });
});
