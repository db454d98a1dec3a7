import { CreditNote, Invoice, Payment, PaymentMethod, Proforma } from '../../db/models';
import { renderReceiptPdf } from '../../documents/receipt-pdf';
import { notFound } from '../../errors';
import { Company } from '../../db/models';
import { algiersMidnight } from '../../calendar/algiers-calendar';
import { centsToDa } from '../documents/document-amounts';
import { sellerIdentity } from '../documents/seller-identity';
import { companyScope, type Viewer } from '../viewer-scope';

const sum = (values: (number | string)[]) => values.reduce<number>((total, v) => total + Number(v), 0);

/**
 * A company's account: what it was invoiced, what credit notes took back, what it paid (receipts),
 * and what it still owes. Money paid before its invoice (cash, transfer or cheque up front) counts
 * as paid from the day it came: until the invoice follows, the balance is in the client's favour,
 * as it is after a credit note on a paid invoice (money to give back).
 */
export async function companyBalance(companyId: number) {
  const [invoices, creditNotes, payments, methods] = await Promise.all([
    Invoice.findAll({
      where: { companyId },
      attributes: ['id', 'number', 'totalInclTaxCents', 'createdAt', 'paidAt'],
      order: [['id', 'ASC']],
    }),
    CreditNote.findAll({ where: { companyId }, attributes: ['id', 'number', 'totalInclTaxCents', 'createdAt'], order: [['id', 'ASC']] }),
    Payment.findAll({ where: { companyId }, order: [['id', 'DESC']] }),
    PaymentMethod.findAll(),
  ]);
  const invoicedCents = sum(invoices.map((i) => i.totalInclTaxCents));
  const creditedCents = sum(creditNotes.map((c) => c.totalInclTaxCents));
  const paidCents = sum(payments.map((p) => p.amountCents));
  const balanceCents = invoicedCents - creditedCents - paidCents;
  const methodName = new Map(methods.map((m) => [m.code, m.nameFr]));
  return {
    invoicedCents,
    creditedCents,
    paidCents,
    /** What the company still owes (0 when it owes nothing). */
    dueCents: Math.max(balanceCents, 0),
    /** What Y-tech owes the company back or holds in advance (0 when nothing). */
    inFavourCents: Math.max(-balanceCents, 0),
    payments: payments.map((p) => ({
      id: p.id,
      receiptNumber: p.receiptNumber,
      method: p.method,
      methodName: methodName.get(p.method) ?? p.method,
      amountCents: Number(p.amountCents),
      paidOn: p.paidOn,
      reference: p.reference,
      proformaId: p.proformaId,
      invoiceId: p.invoiceId,
    })),
  };
}

/** A receipt's PDF, for its company's clients or the staff; rendered from the payment, which never changes. */
export async function receiptFile(id: number, viewer: Viewer) {
  const scope = companyScope(viewer);
  const payment = await Payment.findOne({ where: scope === null ? { id } : { id, companyId: scope } });
  if (!payment) throw notFound();
  const [company, method, invoice, proforma] = await Promise.all([
    Company.findByPk(payment.companyId, { rejectOnEmpty: true }),
    PaymentMethod.findByPk(payment.method),
    payment.invoiceId ? Invoice.findByPk(payment.invoiceId) : null,
    payment.proformaId ? Proforma.findByPk(payment.proformaId) : null,
  ]);
  const bytes = await renderReceiptPdf({
    number: payment.receiptNumber,
    paidOn: algiersMidnight(payment.paidOn),
    issuedAt: payment.createdAt,
    seller: sellerIdentity,
    // The payer as invoiced when there is an invoice (its identity never changes afterwards).
    payer: invoice
      ? { companyName: invoice.buyer.companyName, address: invoice.buyer.address }
      : { companyName: company.name, address: company.address },
    amountDa: centsToDa(Number(payment.amountCents)),
    method: method?.nameFr ?? payment.method,
    reference: payment.reference,
    settles: invoice ? `Facture ${invoice.number}` : proforma ? `Facture pro forma ${proforma.number}` : '—',
  });
  return { fileName: `${payment.receiptNumber}.pdf`, contentType: 'application/pdf', bytes };
}
