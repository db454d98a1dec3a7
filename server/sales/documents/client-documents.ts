import { CreditNote, Invoice, Proforma, PurchaseOrder } from '../../db/models';
import { companySubscription } from '../../subscriptions/company-subscription';
import { lastQuoteOf } from '../proformas/proforma-detail';
import { isPastValidity } from '../proformas/proforma-validity';

/** Every commercial document of the client's company, newest first; the company id is in every query. */
export async function listClientDocuments(companyId: number) {
  const [proformas, orders, invoices, notes] = await Promise.all([
    Proforma.findAll({ where: { companyId }, order: [['id', 'DESC']] }),
    PurchaseOrder.findAll({
      where: { companyId },
      include: [{ model: Proforma, as: 'proforma', attributes: ['id', 'number'] }],
      order: [['id', 'DESC']],
    }),
    Invoice.findAll({ where: { companyId }, include: [{ model: CreditNote, as: 'creditNote' }], order: [['id', 'DESC']] }),
    CreditNote.findAll({
      where: { companyId },
      include: [{ model: Invoice, as: 'invoice', attributes: ['id', 'number'] }],
      order: [['id', 'DESC']],
    }),
  ]);
  return {
    proformas: proformas.map((p) => ({
      id: p.id,
      number: p.number,
      status: p.status === 'pending' && isPastValidity(p) ? ('expired' as const) : p.status,
      totalInclTaxCents: Number(p.totalInclTaxCents),
      validUntil: p.validUntil,
      quoteRequestId: p.quoteRequestId,
      createdAt: p.createdAt,
    })),
    purchaseOrders: (orders as (PurchaseOrder & { proforma: Proforma })[]).map((o) => ({
      id: o.id,
      proforma: { id: o.proforma.id, number: o.proforma.number },
      originalName: o.originalName,
      status: o.status,
      refusalReason: o.refusalReason,
      createdAt: o.createdAt,
    })),
    invoices: (invoices as (Invoice & { creditNote: CreditNote | null })[]).map((i) => ({
      id: i.id,
      number: i.number,
      totalInclTaxCents: Number(i.totalInclTaxCents),
      dueDate: i.dueDate,
      paidAt: i.paidAt,
      credited: i.creditNote !== null,
      createdAt: i.createdAt,
    })),
    creditNotes: (notes as (CreditNote & { invoice: Invoice })[]).map((c) => ({
      id: c.id,
      number: c.number,
      invoiceNumber: c.invoice.number,
      totalInclTaxCents: Number(c.totalInclTaxCents),
      reason: c.reason,
      createdAt: c.createdAt,
    })),
  };
}

/**
 * What a client's home shows besides notifications: the running subscription, a count of their
 * documents, and what to do next (answer a pro-forma, send a purchase order, renew).
 */
export async function clientHome(companyId: number) {
  const [documents, subscription, lastQuoteId] = await Promise.all([
    listClientDocuments(companyId),
    companySubscription(companyId),
    lastQuoteOf(companyId),
  ]);
  const answer = documents.proformas
    .filter((p) => p.status === 'pending')
    .map((p) => ({ id: p.id, number: p.number, validUntil: p.validUntil }));
  const invoicedProformas = new Set((await Invoice.findAll({ where: { companyId }, attributes: ['proformaId'] })).map((i) => i.proformaId));
  const accepted = await Proforma.findAll({ where: { companyId, status: 'accepted', paymentRecordedAt: null }, order: [['id', 'DESC']] });
  const sendOrder = accepted
    .filter((p) => !invoicedProformas.has(p.id))
    .filter((p) => !documents.purchaseOrders.some((o) => o.proforma.id === p.id && (o.status === 'pending' || o.status === 'accepted')))
    .map((p) => ({ id: p.id, number: p.number, paymentMethod: p.paymentMethod }));
  const unpaidInvoices = documents.invoices
    .filter((i) => !i.paidAt && !i.credited)
    .map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, totalInclTaxCents: i.totalInclTaxCents }));
  return {
    subscription,
    counts: {
      proformas: documents.proformas.length,
      purchaseOrders: documents.purchaseOrders.length,
      invoices: documents.invoices.length,
      creditNotes: documents.creditNotes.length,
    },
    next: {
      answer,
      sendOrder,
      unpaidInvoices,
      /** Offered when the subscription ends within 30 days, or there is none and an earlier quote exists. */
      renewFromQuoteId: lastQuoteId !== null && (!subscription || subscription.daysLeft <= 30) ? lastQuoteId : null,
    },
  };
}
