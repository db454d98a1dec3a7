import {
  Company,
  CreditNote,
  Invoice,
  Payment,
  PaymentMethod,
  PaymentProof,
  Proforma,
  PurchaseOrder,
  QuoteRequest,
  Service,
} from '../../db/models';
import { notFound } from '../../errors';
import { isPastValidity } from './proforma-validity';

type WithAssociations = Proforma & {
  service: Service;
  company: Company;
  purchaseOrders: PurchaseOrder[];
  paymentProofs: PaymentProof[];
  payments: Payment[];
  invoices: (Invoice & { creditNote: CreditNote | null })[];
};

function purchaseOrderView(order: PurchaseOrder) {
  return {
    id: order.id,
    status: order.status,
    originalName: order.originalName,
    mimeType: order.mimeType,
    sizeBytes: order.sizeBytes,
    poNumber: order.poNumber,
    amountCents: order.amountCents === null ? null : Number(order.amountCents),
    amountExclTaxCents: order.amountExclTaxCents === null ? null : Number(order.amountExclTaxCents),
    proformaReference: order.proformaReference,
    poDate: order.poDate,
    /** Null before review; the checks it failed after (empty: it matched). */
    mismatches: order.reviewedAt ? (order.mismatches ?? []) : null,
    match: order.reviewedAt ? (order.mismatches ?? []).length === 0 : null,
    overrideReason: order.overrideReason,
    refusalReason: order.refusalReason,
    uploadedAt: order.createdAt,
    reviewedAt: order.reviewedAt,
  };
}

/** A pro-forma with its purchase orders and invoices; a client finds only their company's. */
async function loadProforma(id: number, companyId: number | null) {
  const proforma = (await Proforma.findOne({
    where: companyId === null ? { id } : { id, companyId },
    include: [
      { model: Service, as: 'service' },
      { model: Company, as: 'company' },
      { model: PurchaseOrder, as: 'purchaseOrders' },
      { model: PaymentProof, as: 'paymentProofs' },
      { model: Payment, as: 'payments' },
      { model: Invoice, as: 'invoices', include: [{ model: CreditNote, as: 'creditNote' }] },
    ],
    order: [
      [{ model: PurchaseOrder, as: 'purchaseOrders' }, 'id', 'DESC'],
      [{ model: PaymentProof, as: 'paymentProofs' }, 'id', 'DESC'],
      [{ model: Invoice, as: 'invoices' }, 'id', 'DESC'],
    ],
  })) as WithAssociations | null;
  if (!proforma) throw notFound();
  const paymentMethods = await PaymentMethod.findAll({ where: { active: true }, order: [['position', 'ASC']] });
  const liveInvoice = proforma.invoices.find((i) => !i.creditNote) ?? null;
  const orders = proforma.purchaseOrders.map((o) => purchaseOrderView(o));
  const acceptedOrder = orders.find((o) => o.status === 'accepted') ?? null;
  const awaitingPayment = proforma.status === 'accepted' && !liveInvoice && !acceptedOrder && !proforma.paymentRecordedAt;
  const proofs = proforma.paymentProofs.map((p) => ({
    id: p.id,
    method: p.method,
    bankReference: p.bankReference,
    originalName: p.originalName,
    status: p.status,
    rejectionReason: p.rejectionReason,
    uploadedAt: p.createdAt,
  }));
  const proofPending = proofs.some((p) => p.status === 'pending');
  const mode = proforma.paymentMethod;
  return {
    id: proforma.id,
    number: proforma.number,
    status: proforma.status,
    quoteRequestId: proforma.quoteRequestId,
    company: { id: proforma.company.id, name: proforma.company.name },
    service: { code: proforma.service.code, nameFr: proforma.service.nameFr, nameEn: proforma.service.nameEn },
    months: proforma.months,
    lines: proforma.lines,
    totalExclTaxCents: Number(proforma.totalExclTaxCents),
    vatRatePercent: Number(proforma.vatRatePercent),
    vatCents: Number(proforma.vatCents),
    totalInclTaxCents: Number(proforma.totalInclTaxCents),
    validUntil: proforma.validUntil,
    pastValidity: proforma.status === 'pending' && isPastValidity(proforma),
    paymentMethod: proforma.paymentMethod,
    refusalReason: proforma.refusalReason,
    acceptedAt: proforma.acceptedAt,
    refusedAt: proforma.refusedAt,
    paymentRecordedAt: proforma.paymentRecordedAt,
    paymentReference: proforma.paymentReference,
    createdAt: proforma.createdAt,
    purchaseOrders: orders,
    paymentProofs: proofs,
    payments: proforma.payments.map((p) => ({
      id: p.id,
      receiptNumber: p.receiptNumber,
      method: p.method,
      amountCents: Number(p.amountCents),
      paidOn: p.paidOn,
      reference: p.reference,
    })),
    invoices: proforma.invoices.map((i) => ({
      id: i.id,
      number: i.number,
      totalInclTaxCents: Number(i.totalInclTaxCents),
      paidAt: i.paidAt,
      creditNote: i.creditNote ? { id: i.creditNote.id, number: i.creditNote.number } : null,
      createdAt: i.createdAt,
    })),
    paymentMethods: paymentMethods.map((m) => ({ code: m.code, nameFr: m.nameFr, nameEn: m.nameEn })),
    /** What may happen next, for the pages' buttons (the domain functions check again). */
    next: {
      respond: proforma.status === 'pending' && !isPastValidity(proforma),
      // What the client's chosen mode expects: a purchase order to upload, a transfer's or
      // cheque's proof to upload (then confirmed by staff), or cash paid at the office.
      uploadPurchaseOrder: awaitingPayment && mode === 'purchase_order' && !orders.some((o) => o.status === 'pending'),
      uploadPaymentProof: awaitingPayment && (mode === 'transfer' || mode === 'cheque') && !proofPending,
      reviewPaymentProof: awaitingPayment && proofPending,
      payAtOffice: awaitingPayment && mode === 'cash',
      recordPayment: awaitingPayment,
      issueInvoice: proforma.status === 'accepted' && !liveInvoice && (acceptedOrder !== null || proforma.paymentRecordedAt !== null),
    },
  };
}

export const staffProformaDetail = (id: number) => loadProforma(id, null);
export const clientProformaDetail = (companyId: number, id: number) => loadProforma(id, companyId);

/** Pro-formas of one quote request, newest first (the quote page links to them). */
export async function proformasOfQuote(quoteRequestId: number) {
  const rows = await Proforma.findAll({ where: { quoteRequestId }, order: [['id', 'DESC']] });
  return rows.map((p) => ({
    id: p.id,
    number: p.number,
    status: p.status,
    totalInclTaxCents: Number(p.totalInclTaxCents),
    validUntil: p.validUntil,
    createdAt: p.createdAt,
  }));
}

/** The last quote request of a company: what "renew" and "request a new quote" pre-fill from. */
export async function lastQuoteOf(companyId: number) {
  const quote = await QuoteRequest.findOne({ where: { companyId }, order: [['id', 'DESC']], attributes: ['id'] });
  return quote?.id ?? null;
}
