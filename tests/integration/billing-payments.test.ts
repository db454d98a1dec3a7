import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../db/seeds/seed-catalog';
import { AuditEntry, EmailLogEntry, Invoice, Notification, Payment, PaymentProof, Proforma } from '../../server/db/models';
import { extractPdfText } from '../../server/documents/pdf-text';
import { algiersDate } from '../../server/calendar/algiers-calendar';
import { closeTestResources } from '../support/close-resources';
import { refusalOf } from '../support/refusal';
import {
  clientWithProforma,
  expectAppError,
  expectFieldErrors,
  matchingOrder,
  purchaseOrderPdf,
  removeTestUploads,
  staffBrowser,
  tinyPng,
  type Browser,
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
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function acceptedWith(staff: Browser, paymentMethod: 'cash' | 'transfer' | 'cheque' | 'purchase_order') {
  const setup = await clientWithProforma(staff);
  await setup.browser.run((api) => api.proformas.accept({ proformaId: setup.proforma.id, paymentMethod }));
  return setup;
}

describe('payment modes, receipts and balance', { timeout: 120_000 }, () => {
  it('a transfer: no purchase order is asked; the client sends the proof with its reference, staff confirm it, a receipt follows, the documents say "Virement bancaire"', async () => {
    const staff = await staffBrowser();
    const { browser, proforma } = await acceptedWith(staff.browser, 'transfer');
    const mine = await browser.run((api) => api.proformas.mine({ id: proforma.id }));
    expect(mine.next).toMatchObject({ uploadPurchaseOrder: false, uploadPaymentProof: true, payAtOffice: false });
    await expectAppError(
      browser.run(async (api) =>
        api.purchaseOrders.upload({ proformaId: proforma.id, fileName: 'bc.pdf', bytes: await purchaseOrderPdf() }),
      ),
      'errors.billing.poNotChosen',
    );

    const noRef = await expectFieldErrors(
      browser.run((api) => api.payments.uploadProof({ proformaId: proforma.id, bankReference: '', fileName: 'v.png', bytes: tinyPng })),
    );
    expect(noRef).toHaveProperty('bankReference');
    const proof = await browser.run((api) =>
      api.payments.uploadProof({
        proformaId: proforma.id,
        bankReference: 'VIR-BNA-778812',
        fileName: 'ordre de virement.png',
        bytes: tinyPng,
      }),
    );
    expect(proof).toMatchObject({ method: 'transfer', originalName: 'ordre de virement.png' });
    await expectAppError(
      browser.run((api) => api.payments.uploadProof({ proformaId: proforma.id, bankReference: 'X', fileName: 'v.png', bytes: tinyPng })),
      'errors.billing.proofAlreadyPending',
    );
    // A proof proves nothing by itself: no invoice before staff confirm it.
    await expectAppError(
      staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id })),
      'errors.billing.invoiceNeedsPaymentProof',
    );

    const confirmed = await staff.browser.run((api) => api.payments.reviewProof({ paymentProofId: proof.id, decision: 'confirm' }));
    expect(confirmed.receiptNumber).toMatch(new RegExp(`^REC-${year}-\\d{4}$`));
    expect(await PaymentProof.findByPk(proof.id)).toMatchObject({ status: 'confirmed', reviewedByUserId: staff.user.id });
    const payment = await Payment.findOne({ where: { receiptNumber: confirmed.receiptNumber! }, rejectOnEmpty: true });
    expect(payment).toMatchObject({
      method: 'transfer',
      reference: 'VIR-BNA-778812',
      amountCents: proforma.totalInclTaxCents,
      proformaId: proforma.id,
      paymentProofId: proof.id,
    });

    const invoice = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    expect((await Invoice.findByPk(invoice.id))!.paymentMethod).toBe('transfer');
    const invoiceText = flat(
      await extractPdfText((await browser.run((api) => api.documents.pdf({ kind: 'invoice', id: invoice.id }))).bytes),
    );
    expect(invoiceText).toContain('Mode de paiement : Virement bancaire');
    expect(invoiceText).not.toContain('Bon de commande');
    const proformaText = flat(
      await extractPdfText((await browser.run((api) => api.documents.pdf({ kind: 'proforma', id: proforma.id }))).bytes),
    );
    expect(proformaText).toContain('Mode de paiement choisi : Virement bancaire');
    const receiptText = flat(await extractPdfText((await browser.run((api) => api.payments.receipt({ id: payment.id }))).bytes));
    expect(receiptText).toContain(confirmed.receiptNumber);
    expect(receiptText).toContain('Virement bancaire');
    expect(receiptText).toContain('VIR-BNA-778812');
    expect(receiptText).toContain(proforma.number);
  });

  it('a cheque proof rejected with a reason is sent again; cash is recorded at the office; a purchase order is reviewed', async () => {
    const staff = await staffBrowser();
    const cheque = await acceptedWith(staff.browser, 'cheque');
    const first = await cheque.browser.run((api) =>
      api.payments.uploadProof({ proformaId: cheque.proforma.id, bankReference: 'CHQ 0045871', fileName: 'cheque.png', bytes: tinyPng }),
    );
    const noReason = await expectFieldErrors(
      staff.browser.run((api) => api.payments.reviewProof({ paymentProofId: first.id, decision: 'reject' })),
    );
    expect(noReason).toMatchObject({ reason: 'validation.billing.reasonRequired' });
    await staff.browser.run((api) =>
      api.payments.reviewProof({ paymentProofId: first.id, decision: 'reject', reason: 'Copie illisible.' }),
    );
    await expectAppError(
      staff.browser.run((api) => api.payments.reviewProof({ paymentProofId: first.id, decision: 'confirm' })),
      'errors.illegalTransition.paymentProof',
    );
    const second = await cheque.browser.run((api) =>
      api.payments.uploadProof({ proformaId: cheque.proforma.id, bankReference: 'CHQ 0045871', fileName: 'cheque.png', bytes: tinyPng }),
    );
    await staff.browser.run((api) => api.payments.reviewProof({ paymentProofId: second.id, decision: 'confirm' }));
    expect((await Proforma.findByPk(cheque.proforma.id))!.paymentMethod).toBe('cheque');

    const cash = await acceptedWith(staff.browser, 'cash');
    const cashView = await cash.browser.run((api) => api.proformas.mine({ id: cash.proforma.id }));
    expect(cashView.next).toMatchObject({ payAtOffice: true, uploadPaymentProof: false, uploadPurchaseOrder: false });
    await expectAppError(
      cash.browser.run((api) =>
        api.payments.uploadProof({ proformaId: cash.proforma.id, bankReference: 'X', fileName: 'v.png', bytes: tinyPng }),
      ),
      'errors.billing.proofNotExpected',
    );
    const paid = await staff.browser.run((api) =>
      api.proformas.recordPayment({ proformaId: cash.proforma.id, method: 'cash', reference: 'Caisse 12' }),
    );
    expect(paid.receiptNumber).toMatch(/^REC-/);

    const po = await acceptedWith(staff.browser, 'purchase_order');
    expect((await po.browser.run((api) => api.proformas.mine({ id: po.proforma.id }))).next).toMatchObject({
      uploadPurchaseOrder: true,
      uploadPaymentProof: false,
    });
    const order = await po.browser.run(async (api) =>
      api.purchaseOrders.upload({ proformaId: po.proforma.id, fileName: 'bc.pdf', bytes: await purchaseOrderPdf() }),
    );
    await staff.browser.run((api) =>
      api.purchaseOrders.review({ purchaseOrderId: order.id, decision: 'accept', ...matchingOrder(po.proforma) }),
    );
    const invoice = await staff.browser.run((api) => api.invoices.issue({ proformaId: po.proforma.id }));
    const text = flat(await extractPdfText((await po.browser.run((api) => api.documents.pdf({ kind: 'invoice', id: invoice.id }))).bytes));
    expect(text).toContain('Mode de paiement : Bon de commande');
    // Paid later, at the purchase order's term: by transfer, with its receipt.
    const settled = await staff.browser.run((api) =>
      api.invoices.markPaid({ invoiceId: invoice.id, method: 'transfer', reference: 'VIR 99' }),
    );
    expect(settled.receiptNumber).toMatch(/^REC-/);
    expect(await Payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });

  it('a proof is reviewed once: a second review, after the first or at the same moment, is refused by the proof machine and leaves one audit row and one notice', async () => {
    const staff = await staffBrowser();
    const other = await staffBrowser();
    const { browser, proforma, user } = await acceptedWith(staff.browser, 'cheque');
    const upload = () =>
      browser.run((api) =>
        api.payments.uploadProof({ proformaId: proforma.id, bankReference: 'CHQ 0045871', fileName: 'cheque.png', bytes: tinyPng }),
      );
    const bothAtOnce = async (review: (who: Browser) => Promise<unknown>) => {
      const results = await Promise.allSettled([review(staff.browser), review(other.browser)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [refusalOf(r.reason)] : []));
      expect(refused).toMatchObject([{ code: 'PRECONDITION_FAILED', message: 'errors.illegalTransition.paymentProof' }]);
    };
    const reviews = (proofId: number, action: string) =>
      AuditEntry.findAll({ where: { recordType: 'payment_proof', recordId: String(proofId), action } });
    const notices = (kind: string) => Notification.count({ where: { userId: user.id, kind } });

    const first = await upload();
    await bothAtOnce((who) =>
      who.run((api) => api.payments.reviewProof({ paymentProofId: first.id, decision: 'reject', reason: 'Illisible.' })),
    );
    await expectAppError(
      staff.browser.run((api) => api.payments.reviewProof({ paymentProofId: first.id, decision: 'confirm' })),
      'errors.illegalTransition.paymentProof',
    );
    expect(await PaymentProof.findByPk(first.id)).toMatchObject({ status: 'rejected', rejectionReason: 'Illisible.' });
    const rejections = await reviews(first.id, 'paymentProof.reject');
    expect(rejections).toHaveLength(1);
    expect(rejections[0]!.details).toMatchObject({ from: 'pending', to: 'rejected', reason: 'Illisible.' });
    expect(await reviews(first.id, 'paymentProof.confirm')).toHaveLength(0);
    expect(await notices('paymentProofRejected')).toBe(1);
    expect(await EmailLogEntry.count({ where: { recipient: user.email, template: 'payment-proof-rejected' } })).toBe(1);
    expect(await Payment.count({ where: { proformaId: proforma.id } })).toBe(0);

    // Two confirmations at once: the second is the machine's refusal, not "payment already recorded".
    const second = await upload();
    await bothAtOnce((who) => who.run((api) => api.payments.reviewProof({ paymentProofId: second.id, decision: 'confirm' })));
    expect(await PaymentProof.findByPk(second.id)).toMatchObject({ status: 'confirmed' });
    const confirmations = await reviews(second.id, 'paymentProof.confirm');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.details).toMatchObject({ from: 'pending', to: 'confirmed' });
    expect(await Payment.count({ where: { proformaId: proforma.id } })).toBe(1);
    expect(await notices('paymentRecorded')).toBe(1);
    expect(await notices('paymentProofRejected')).toBe(1);
  });

  it('receipts are numbered REC-YYYY-NNNN without gaps when payments are recorded at the same moment, failures included', async () => {
    const staff = await staffBrowser();
    const other = await staffBrowser();
    const proformas: number[] = [];
    for (let i = 0; i < 12; i++) proformas.push((await acceptedWith(staff.browser, 'transfer')).proforma.id);
    // Each pro-forma twice, by two staff members at once: one of each pair is refused, and its
    // rolled-back receipt number is given back.
    const attempts = proformas.flatMap((proformaId) =>
      [staff, other].map((who) => who.browser.run((api) => api.proformas.recordPayment({ proformaId, method: 'transfer' }))),
    );
    const results = await Promise.allSettled(attempts);
    const done = results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<{ receiptNumber: string }>).value.receiptNumber);
    expect(done).toHaveLength(12);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(12);
    const numbers = done.map(sequence).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
    expect(done.every((n) => n.startsWith(`REC-${year}-`))).toBe(true);
    // And the next receipt follows the last one directly.
    const next = await staff.browser.run(async (api) =>
      api.proformas.recordPayment({ proformaId: (await acceptedWith(staff.browser, 'cash')).proforma.id, method: 'cash' }),
    );
    expect(sequence(next.receiptNumber)).toBe(numbers.at(-1)! + 1);
  });

  it('the balance: invoiced, paid, credited and due, in the client’s favour after a credit note on a paid invoice; a client sees only their own', async () => {
    const staff = await staffBrowser();
    const { browser, proforma, company } = await acceptedWith(staff.browser, 'transfer');
    const total = proforma.totalInclTaxCents;
    expect(await browser.run((api) => api.payments.myBalance())).toMatchObject({
      invoicedCents: 0,
      paidCents: 0,
      dueCents: 0,
      inFavourCents: 0,
    });
    await staff.browser.run((api) => api.proformas.recordPayment({ proformaId: proforma.id, method: 'transfer', reference: 'VIR 1' }));
    // Paid before the invoice: an advance.
    expect(await browser.run((api) => api.payments.myBalance())).toMatchObject({
      invoicedCents: 0,
      paidCents: total,
      dueCents: 0,
      inFavourCents: total,
    });
    const invoice = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    expect(await browser.run((api) => api.payments.myBalance())).toMatchObject({
      invoicedCents: total,
      paidCents: total,
      creditedCents: 0,
      dueCents: 0,
      inFavourCents: 0,
    });
    await staff.browser.run((api) => api.invoices.issueCreditNote({ invoiceId: invoice.id, reason: 'Prestation annulée.' }));
    const after = await browser.run((api) => api.payments.myBalance());
    expect(after).toMatchObject({ invoicedCents: total, creditedCents: total, paidCents: total, dueCents: 0, inFavourCents: total });
    expect(after.payments).toHaveLength(1);
    expect(await staff.browser.run((api) => api.payments.balanceOf({ companyId: company.id }))).toMatchObject({ inFavourCents: total });

    // An unpaid purchase-order invoice is due; its credit note clears it.
    const po = await acceptedWith(staff.browser, 'purchase_order');
    const order = await po.browser.run(async (api) =>
      api.purchaseOrders.upload({ proformaId: po.proforma.id, fileName: 'bc.pdf', bytes: await purchaseOrderPdf() }),
    );
    await staff.browser.run((api) =>
      api.purchaseOrders.review({ purchaseOrderId: order.id, decision: 'accept', ...matchingOrder(po.proforma) }),
    );
    const unpaid = await staff.browser.run((api) => api.invoices.issue({ proformaId: po.proforma.id }));
    expect(await po.browser.run((api) => api.payments.myBalance())).toMatchObject({ dueCents: po.proforma.totalInclTaxCents });
    await staff.browser.run((api) => api.invoices.issueCreditNote({ invoiceId: unpaid.id, reason: 'Erreur.' }));
    expect(await po.browser.run((api) => api.payments.myBalance())).toMatchObject({
      dueCents: 0,
      inFavourCents: 0,
      creditedCents: po.proforma.totalInclTaxCents,
    });

    // Another company's receipt is not found.
    const receiptId = after.payments[0]!.id;
    await expectAppError(
      po.browser.run((api) => api.payments.receipt({ id: receiptId })),
      'errors.notFound',
    );
    expect(await AuditEntry.count({ where: { action: 'payment.record', recordType: 'payment', recordId: String(receiptId) } })).toBe(1);
  });

  it('staff correct a client’s legal identity with each identifier checked and audited; an invoice already issued keeps the identity it was issued with', async () => {
    const staff = await staffBrowser();
    const { browser, proforma, company } = await acceptedWith(staff.browser, 'transfer');
    await staff.browser.run((api) => api.proformas.recordPayment({ proformaId: proforma.id, method: 'transfer' }));
    const before = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    const oldNif = company.nif!;

    const wrong = await expectFieldErrors(
      staff.browser.run((api) =>
        api.backoffice.companies.updateLegalIdentity({
          companyId: company.id,
          name: company.name,
          rc: '??',
          nif: '12345',
          nis: '1234567890123456',
          ai: 'abc',
        }),
      ),
    );
    expect(wrong).toMatchObject({ rc: 'validation.rc', nif: 'validation.nif', nis: 'validation.nis', ai: 'validation.ai' });
    await expectAppError(
      browser.run((api) => api.backoffice.companies.updateLegalIdentity({ companyId: company.id, name: 'X' })),
      'errors.forbidden',
    );

    const newNif = '00021600987654321012';
    const saved = await staff.browser.run((api) =>
      api.backoffice.companies.updateLegalIdentity({
        companyId: company.id,
        name: company.name,
        address: company.address ?? undefined,
        rc: '16/00-7654321B22',
        nif: newNif,
        nis: company.nis!,
        ai: company.ai!,
      }),
    );
    expect(saved.changed).toEqual(['rc', 'nif']);
    const audit = await AuditEntry.findOne({
      where: { action: 'company.legalIdentity', recordType: 'company', recordId: String(company.id) },
    });
    expect(audit?.details).toMatchObject({ changes: { nif: { from: oldNif, to: newNif } } });

    // The invoice issued before still says the old NIF; the next document carries the new one.
    const oldText = flat(
      await extractPdfText((await staff.browser.run((api) => api.documents.pdf({ kind: 'invoice', id: before.id }))).bytes),
    );
    expect(oldText).toContain(oldNif);
    expect(oldText).not.toContain(newNif);
    await staff.browser.run((api) => api.invoices.issueCreditNote({ invoiceId: before.id, reason: 'NIF erroné.' }));
    const corrected = await staff.browser.run((api) => api.invoices.issue({ proformaId: proforma.id }));
    const newText = flat(
      await extractPdfText((await staff.browser.run((api) => api.documents.pdf({ kind: 'invoice', id: corrected.id }))).bytes),
    );
    expect(newText).toContain(newNif);
  });
});
