import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { config } from '../../server/config';
import { AuditEntry, EmailLogEntry, Notification, Proforma, PurchaseOrder } from '../../server/db/models';
import { addDays, algiersDate } from '../../server/calendar/algiers-calendar';
import { closeTestResources } from '../support/close-resources';
import { clientOfNewCompany } from '../support/fixtures';
import {
  clientWithAcceptedProforma,
  clientWithProforma,
  expectAppError,
  expectFieldErrors,
  matchingOrder,
  purchaseOrderPdf,
  staffBrowser,
  tinyPng,
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

const upload = (browser: Browser, proformaId: number, bytes: Uint8Array, fileName = 'bon-de-commande.pdf') =>
  browser.run((api) => api.purchaseOrders.upload({ proformaId, fileName, bytes }));
const storedFiles = () => {
  const dir = path.resolve(config.UPLOAD_DIR, 'purchase-orders');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('purchase orders', () => {
  it('a client uploads a PDF for an accepted pro-forma; it is stored under a random name; the staff are told', async () => {
    const staff = await staffBrowser();
    const { browser, proforma } = await clientWithAcceptedProforma(staff.browser);
    const pdf = await purchaseOrderPdf();
    const result = await upload(browser, proforma.id, pdf, 'BC 118 (signé).pdf');
    expect(result).toMatchObject({ originalName: 'BC 118 (signé).pdf', mimeType: 'application/pdf', sizeBytes: pdf.length });

    const order = await PurchaseOrder.findByPk(result.id);
    expect(order!.status).toBe('pending');
    expect(order!.storageName).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    const stored = readFileSync(path.resolve(config.UPLOAD_DIR, 'purchase-orders', order!.storageName));
    expect(stored.equals(pdf)).toBe(true);
    expect(await Notification.count({ where: { userId: staff.user.id, kind: 'purchaseOrderUploaded' } })).toBe(1);

    // One at a time: a second one waits for the review of the first.
    await expectAppError(upload(browser, proforma.id, pdf), 'errors.billing.poAlreadyPending');
    // The file is served to its company and to the staff only.
    const own = await browser.run((api) => api.purchaseOrders.file({ id: result.id }));
    expect(Buffer.from(own.bytes).equals(pdf)).toBe(true);
    expect(own).toMatchObject({ fileName: 'BC 118 (signé).pdf', contentType: 'application/pdf' });
    await staff.browser.run((api) => api.purchaseOrders.file({ id: result.id }));
    const stranger = await clientOfNewCompany();
    await expectAppError(
      stranger.browser.run((api) => api.purchaseOrders.file({ id: result.id })),
      'errors.notFound',
    );
  });

  it('accepts PNG and JPEG scans, judged by content', async () => {
    const staff = await staffBrowser();
    const { browser, proforma } = await clientWithAcceptedProforma(staff.browser);
    const result = await upload(browser, proforma.id, tinyPng, 'scan.jpeg');
    expect(result.mimeType).toBe('image/png');
    expect((await PurchaseOrder.findByPk(result.id))!.storageName).toMatch(/\.png$/);
  });

  it('refuses a file that is not a PDF, PNG or JPEG whatever its name, an empty one and one over 10 MB; nothing is stored', async () => {
    const staff = await staffBrowser();
    const { browser, proforma } = await clientWithAcceptedProforma(staff.browser);
    const before = storedFiles().length;
    const html = Buffer.from('<html><body><script>alert(1)</script></body></html>');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]);
    const zip = Buffer.from('504b0304140000000800', 'hex');
    for (const bytes of [html, exe, zip]) {
      const error = await expectAppError(upload(browser, proforma.id, bytes, 'bon-de-commande.pdf'), 'errors.billing.poFileType');
      expect((error as unknown as { field: string }).field).toBe('file');
    }
    await expectAppError(upload(browser, proforma.id, new Uint8Array(0)), 'errors.billing.poFileEmpty');
    const big = Buffer.concat([await purchaseOrderPdf(), Buffer.alloc(11 * 1024 * 1024)]);
    await expectAppError(upload(browser, proforma.id, big), 'errors.billing.poFileTooLarge');
    expect(storedFiles().length).toBe(before);
    expect(await PurchaseOrder.count({ where: { proformaId: proforma.id } })).toBe(0);
  });

  it('keeps only the base name of a file name with a path in it', async () => {
    const staff = await staffBrowser();
    const { browser, proforma } = await clientWithAcceptedProforma(staff.browser);
    const result = await upload(browser, proforma.id, await purchaseOrderPdf(), '../../../etc/cron.d\\..\\BC-77.pdf');
    expect(result.originalName).toBe('BC-77.pdf');
    const order = await PurchaseOrder.findByPk(result.id);
    expect(existsSync(path.resolve(config.UPLOAD_DIR, 'purchase-orders', order!.storageName))).toBe(true);
  });

  it('refuses an upload before acceptance, and against an expired pro-forma with the new-quote offer', async () => {
    const staff = await staffBrowser();
    const pending = await clientWithProforma(staff.browser);
    await expectAppError(upload(pending.browser, pending.proforma.id, await purchaseOrderPdf()), 'errors.billing.poNeedsAcceptedProforma');

    const before = storedFiles().length;
    await Proforma.update({ validUntil: addDays(algiersDate(), -3) }, { where: { id: pending.proforma.id } });
    const error = await expectAppError(
      upload(pending.browser, pending.proforma.id, await purchaseOrderPdf()),
      'errors.billing.proformaExpired',
    );
    expect(error.params.quoteId).toBe(pending.quote.id);
    expect((await Proforma.findByPk(pending.proforma.id))!.status).toBe('expired');
    expect(storedFiles().length).toBe(before);
  });

  it("a client cannot upload against another company's pro-forma (not found)", async () => {
    const staff = await staffBrowser();
    const { proforma } = await clientWithAcceptedProforma(staff.browser);
    const stranger = await clientOfNewCompany();
    await expectAppError(upload(stranger.browser, proforma.id, await purchaseOrderPdf()), 'errors.notFound');
    expect(await PurchaseOrder.count({ where: { proformaId: proforma.id } })).toBe(0);
  });

  it('the commercial records the PO number and amount, sees whether it matches, and accepts; reviewing twice is refused', async () => {
    const staff = await staffBrowser();
    const { browser, proforma, user } = await clientWithAcceptedProforma(staff.browser);
    const { id } = await upload(browser, proforma.id, await purchaseOrderPdf());

    const missing = await expectFieldErrors(
      staff.browser.run((api) => api.purchaseOrders.review({ purchaseOrderId: id, decision: 'accept' })),
    );
    expect(missing).toMatchObject({ poNumber: 'validation.required', amountDa: 'validation.billing.amount' });

    const reviewed = await staff.browser.run((api) =>
      api.purchaseOrders.review({ purchaseOrderId: id, decision: 'accept', ...matchingOrder(proforma) }),
    );
    expect(reviewed).toMatchObject({ status: 'accepted', match: true });
    expect(await PurchaseOrder.findByPk(id)).toMatchObject({
      status: 'accepted',
      poNumber: 'BC-2026-118',
      amountCents: proforma.totalInclTaxCents,
      reviewedByUserId: staff.user.id,
    });
    expect((await Proforma.findByPk(proforma.id))!.paymentMethod).toBe('purchase_order');
    expect(await Notification.count({ where: { userId: user.id, kind: 'purchaseOrderAccepted' } })).toBe(1);

    const twice = await expectAppError(
      staff.browser.run((api) => api.purchaseOrders.review({ purchaseOrderId: id, decision: 'refuse', reason: 'Changé d’avis' })),
      'errors.illegalTransition.purchaseOrder',
    );
    expect(twice.code).toBe('PRECONDITION_FAILED');
    expect((await PurchaseOrder.findByPk(id))!.status).toBe('accepted');
    // With an accepted order, no other upload is expected.
    await expectAppError(upload(browser, proforma.id, await purchaseOrderPdf()), 'errors.billing.poNotExpected');

    const detail = await staff.browser.run((api) => api.proformas.get({ id: proforma.id }));
    expect(detail.purchaseOrders[0]).toMatchObject({ id, match: true, poNumber: 'BC-2026-118' });
    expect(detail.next.issueInvoice).toBe(true);
  });

  it('refusing needs a reason, e-mails the client for a corrected document, and the client may send another', async () => {
    const staff = await staffBrowser();
    const { browser, proforma, user } = await clientWithAcceptedProforma(staff.browser);
    const { id } = await upload(browser, proforma.id, await purchaseOrderPdf());
    const noReason = await expectFieldErrors(
      staff.browser.run((api) => api.purchaseOrders.review({ purchaseOrderId: id, decision: 'refuse' })),
    );
    expect(noReason).toMatchObject({ reason: 'validation.billing.reasonRequired' });

    const reviewed = await staff.browser.run((api) =>
      api.purchaseOrders.review({
        purchaseOrderId: id,
        decision: 'refuse',
        poNumber: 'BC-9',
        amountDa: 1000,
        reason: 'Montant différent du total de la pro forma.',
      }),
    );
    expect(reviewed).toMatchObject({ status: 'refused', match: false });
    const mail = await EmailLogEntry.findOne({ where: { recipient: user.email, template: 'purchase-order-refused' } });
    expect(mail?.params).toMatchObject({ number: proforma.number, reason: 'Montant différent du total de la pro forma.' });
    expect(await Notification.count({ where: { userId: user.id, kind: 'purchaseOrderRefused' } })).toBe(1);

    const again = await upload(browser, proforma.id, await purchaseOrderPdf('Bon corrigé'));
    expect(again.id).not.toBe(id);
    const mine = await browser.run((api) => api.proformas.mine({ id: proforma.id }));
    expect(mine.purchaseOrders.map((o) => o.status)).toEqual(['pending', 'refused']);
  });

  it('an order for 1 DA against the pro-forma cannot be accepted: number, HT, TTC and date are compared, and nothing changes', async () => {
    const staff = await staffBrowser();
    const { browser, proforma } = await clientWithAcceptedProforma(staff.browser);
    const { id } = await upload(browser, proforma.id, await purchaseOrderPdf());
    const wrong = {
      poNumber: 'BC-1',
      proformaReference: 'PF-1999-0001',
      poDate: addDays(algiersDate(), -400),
      amountExclTaxDa: 1,
      amountDa: 1,
    };
    const error = await expectAppError(
      staff.browser.run((api) => api.purchaseOrders.review({ purchaseOrderId: id, decision: 'accept', ...wrong })),
      'errors.billing.poMismatch',
    );
    expect(error.params).toMatchObject({ count: 4, checks: 'number,amountExclTax,amountInclTax,date' });
    expect(await PurchaseOrder.findByPk(id)).toMatchObject({ status: 'pending', amountCents: null });
    // Each check alone blocks acceptance.
    const good = matchingOrder(proforma);
    for (const [field, value, check] of [
      ['amountDa', good.amountDa - 0.01, 'amountInclTax'],
      ['amountExclTaxDa', good.amountExclTaxDa + 1, 'amountExclTax'],
      ['proformaReference', 'PF-2026-9999', 'number'],
      ['poDate', addDays(proforma.validUntil, 1), 'date'],
    ] as const) {
      const one = await expectAppError(
        staff.browser.run((api) => api.purchaseOrders.review({ purchaseOrderId: id, decision: 'accept', ...good, [field]: value })),
        'errors.billing.poMismatch',
      );
      expect(one.params.checks).toBe(check);
    }
    // No invoice without an accepted order.
    await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id })),
      'errors.billing.invoiceNeedsPaymentProof',
    );
    const detail = await staff.browser.run((api) => api.proformas.get({ id: proforma.id }));
    expect(detail.next.issueInvoice).toBe(false);
  });

  it('a staff override with a written reason accepts a differing order, audited and shown on the invoice history', async () => {
    const staff = await staffBrowser();
    const { browser, proforma } = await clientWithAcceptedProforma(staff.browser);
    const { id } = await upload(browser, proforma.id, await purchaseOrderPdf());
    const typed = { ...matchingOrder(proforma), amountDa: proforma.totalInclTaxCents / 100 - 1 };
    const short = await expectFieldErrors(
      staff.browser.run((api) => api.purchaseOrders.review({ purchaseOrderId: id, decision: 'accept', ...typed, overrideReason: 'ok' })),
    );
    expect(short).toMatchObject({ overrideReason: 'validation.billing.overrideReasonShort' });

    const reason = 'Arrondi de 1 DA accepté par le directeur financier du client (courriel du 3/12).';
    const reviewed = await staff.browser.run((api) =>
      api.purchaseOrders.review({ purchaseOrderId: id, decision: 'accept', ...typed, overrideReason: reason }),
    );
    expect(reviewed).toMatchObject({ status: 'accepted', match: false, mismatches: ['amountInclTax'] });
    expect(await PurchaseOrder.findByPk(id)).toMatchObject({ status: 'accepted', overrideReason: reason, mismatches: ['amountInclTax'] });
    const audit = await AuditEntry.findOne({ where: { action: 'purchaseOrder.override', recordType: 'purchase_order', recordId: id } });
    expect(audit?.actorUserId).toBe(staff.user.id);
    expect(audit?.details).toMatchObject({ overrideReason: reason, mismatches: ['amountInclTax'] });

    const invoice = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    const detail = await staff.browser.run((api) => api.invoices.get({ id: invoice.id }));
    expect(detail.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'purchaseOrder.override', reason, mismatches: ['amountInclTax'], actorName: expect.any(String) }),
      ]),
    );
  });
});
