import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { AuditEntry, Company, CreditNote, Invoice, Notification, Proforma } from '../../server/db/models';
import { algiersDate } from '../../server/calendar/algiers-calendar';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany } from '../support/fixtures';
import {
  clientWithAcceptedProforma,
  clientWithProforma,
  expectAppError,
  matchingOrder,
  purchaseOrderPdf,
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

const year = algiersDate().slice(0, 4);
const sequence = (number: string) => Number(number.split('-')[2]);

let pdf: Buffer;
beforeAll(async () => {
  pdf = await purchaseOrderPdf();
});
async function clientWithAccepted(staff: Browser) {
  return { ...(await clientWithAcceptedProforma(staff)), pdf };
}
/** An accepted pro-forma whose purchase order the commercial accepted: ready to invoice. */
async function ready(staff: Browser) {
  const setup = await clientWithAccepted(staff);
  const { id } = await setup.browser.run((api) =>
    api.purchaseOrders.upload({ proformaId: setup.proforma.id, fileName: 'bc.pdf', bytes: pdf }),
  );
  await staff.run((api) =>
    api.purchaseOrders.review({ purchaseOrderId: id, decision: 'accept', ...matchingOrder(setup.proforma, 'BC-1') }),
  );
  return { ...setup, purchaseOrderId: id };
}

describe('invoices', () => {
  it('issues FA-YYYY-NNNN from an accepted pro-forma with an accepted purchase order, with the buyer copied', async () => {
    const staff = await staffBrowser();
    const { proforma, company, user, purchaseOrderId } = await ready(staff.browser);
    const issued = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    expect(issued.number).toMatch(new RegExp(`^FA-${year}-\\d{4}$`));
    const invoice = await Invoice.findByPk(issued.id);
    expect(invoice).toMatchObject({
      companyId: company.id,
      paymentMethod: 'purchase_order',
      purchaseOrderId,
      paidAt: null,
      totalInclTaxCents: proforma.totalInclTaxCents,
      buyer: { companyName: company.name, nif: company.nif, rc: company.rc, nis: company.nis, ai: company.ai, address: company.address },
    });
    expect(invoice!.dueDate > algiersDate()).toBe(true);
    expect(await Notification.count({ where: { userId: user.id, kind: 'invoiceIssued' } })).toBe(1);
    expect(await AuditEntry.count({ where: { action: 'invoice.issue', recordId: String(issued.id) } })).toBe(1);

    // A later edit of the company does not change the issued invoice.
    await company.update({ name: 'Nouveau nom SARL' });
    expect((await Invoice.findByPk(issued.id))!.buyer.companyName).toBe(invoice!.buyer.companyName);
    await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id })),
      'errors.billing.invoiceAlreadyIssued',
    );

    const list = await staff.browser.run((api) => api.invoices.list({ status: 'unpaid', search: 'Nouveau nom' }));
    expect(list.items.map((i) => i.id)).toContain(issued.id);
  });

  it('refuses an invoice for a refused or pending pro-forma, and without a purchase order or payment', async () => {
    const staff = await staffBrowser();
    const refused = await clientWithProforma(staff.browser);
    await refused.browser.run((api) => api.proformas.refuse({ proformaId: refused.proforma.id }));
    const error = await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: refused.proforma.id })),
      'errors.billing.invoiceNeedsAcceptedProforma',
    );
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.params).toMatchObject({ from: 'refused' });

    const pending = await clientWithProforma(staff.browser);
    await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: pending.proforma.id })),
      'errors.billing.invoiceNeedsAcceptedProforma',
    );

    const accepted = await clientWithAccepted(staff.browser);
    await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: accepted.proforma.id })),
      'errors.billing.invoiceNeedsPaymentProof',
    );
    // A purchase order still waiting for review is no proof either.
    await accepted.browser.run((api) => api.purchaseOrders.upload({ proformaId: accepted.proforma.id, fileName: 'bc.pdf', bytes: pdf }));
    await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: accepted.proforma.id })),
      'errors.billing.invoiceNeedsPaymentProof',
    );
    expect(await Invoice.count({ where: { proformaId: [refused.proforma.id, pending.proforma.id, accepted.proforma.id] } })).toBe(0);
  });

  it('tells what is missing when the company lacks its legal ids', async () => {
    const staff = await staffBrowser();
    const setup = await clientWithAccepted(staff.browser);
    await staff.browser.run((api) => api.proformas.recordPayment({ proformaId: setup.proforma.id, method: 'transfer' }));
    await Company.update({ nif: null, ai: '' }, { where: { id: setup.company.id } });
    const error = await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: setup.proforma.id })),
      'errors.billing.buyerIncomplete',
    );
    expect(error.params).toMatchObject({ missing: 'NIF, AI' });
    expect(await Invoice.count({ where: { proformaId: setup.proforma.id } })).toBe(0);
  });

  it('an invoice after a recorded payment is already paid; marking paid works once', async () => {
    const staff = await staffBrowser();
    const cash = await clientWithAccepted(staff.browser);
    await staff.browser.run((api) => api.proformas.recordPayment({ proformaId: cash.proforma.id, method: 'cash', reference: 'Reçu 12' }));
    const paid = await staff.browser.run((api) => api.invoices.issue({ proformaId: cash.proforma.id }));
    expect(paid.paidAt).not.toBeNull();
    expect((await Invoice.findByPk(paid.id))!.paymentMethod).toBe('cash');
    await expectAppError(
      staff.browser.run((api) => api.invoices.markPaid({ invoiceId: paid.id })),
      'errors.billing.invoiceAlreadyPaid',
    );

    const byOrder = await ready(staff.browser);
    const unpaid = await staff.browser.run((api) => api.invoices.issue({ proformaId: byOrder.proforma.id }));
    await staff.browser.run((api) => api.invoices.markPaid({ invoiceId: unpaid.id }));
    expect((await Invoice.findByPk(unpaid.id))!.paidAt).not.toBeNull();
    expect(await Notification.count({ where: { userId: byOrder.user.id, kind: 'invoicePaid' } })).toBe(1);
  });

  it('corrects an invoice with a credit note AV-YYYY-NNNN, once, after which a new invoice may be issued', async () => {
    const staff = await staffBrowser();
    const { proforma, user } = await ready(staff.browser);
    const first = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    const note = await staff.browser.run((api) =>
      api.invoices.issueCreditNote({ invoiceId: first.id, reason: 'Erreur sur la raison sociale.' }),
    );
    expect(note.number).toMatch(new RegExp(`^AV-${year}-\\d{4}$`));
    expect(await CreditNote.findByPk(note.id)).toMatchObject({
      invoiceId: first.id,
      totalInclTaxCents: first.totalInclTaxCents,
      reason: 'Erreur sur la raison sociale.',
    });
    expect(await Notification.count({ where: { userId: user.id, kind: 'creditNoteIssued' } })).toBe(1);
    await expectAppError(
      staff.browser.run((api) => api.invoices.issueCreditNote({ invoiceId: first.id, reason: 'Encore' })),
      'errors.billing.creditNoteExists',
    );
    await expectAppError(
      staff.browser.run((api) => api.invoices.markPaid({ invoiceId: first.id })),
      'errors.billing.invoiceCredited',
    );
    // The original stays as issued.
    expect(await Invoice.findByPk(first.id)).toMatchObject({ number: first.number, totalInclTaxCents: first.totalInclTaxCents });

    const second = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    expect(sequence(second.number)).toBeGreaterThan(sequence(first.number));
    const detail = await staff.browser.run((api) => api.invoices.get({ id: first.id }));
    expect(detail.creditNote).toMatchObject({ id: note.id, number: note.number });
  });

  it('clients cannot call the staff procedures', async () => {
    const { browser } = await clientOfNewCompany();
    await expectAppError(
      browser.run((api) => api.invoices.list({})),
      'errors.forbidden',
    );
    await expectAppError(
      browser.run((api) => api.invoices.issue({ proformaId: 1 })),
      'errors.forbidden',
    );
  });

  it('20 invoices issued in parallel get 20 distinct consecutive numbers', async () => {
    const staff = await staffBrowser();
    const other = await staffBrowser();
    const ready20 = [];
    for (let i = 0; i < 20; i++) {
      const setup = await clientWithAccepted(staff.browser);
      await staff.browser.run((api) => api.proformas.recordPayment({ proformaId: setup.proforma.id, method: 'transfer' }));
      ready20.push(setup.proforma.id);
    }
    const issued = await Promise.all(
      ready20.map((proformaId, i) => (i % 2 ? other : staff).browser.run((api) => api.invoices.issue({ proformaId }))),
    );
    const numbers = issued.map((i) => sequence(i.number)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.at(-1)! - numbers[0]!).toBe(19);
    expect(await Invoice.count({ where: { proformaId: ready20 } })).toBe(20);
    expect((await Proforma.findAll({ where: { id: ready20 } })).every((p) => p.status === 'accepted')).toBe(true);
  });
});
