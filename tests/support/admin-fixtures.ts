import { TRPCError } from '@trpc/server';
import { QueryTypes } from 'sequelize';
import { Invoice, PriceTier, Proforma, QuoteRequest, Service, type Company, type User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import type { PipelineState } from '../../server/sales/pipeline-states';

/**
 * Documents written straight into the tables, for the figures and export tests: their numbers are
 * test-only (never taken from the real sequences) and their dates can be put anywhere in time.
 */
let counter = 0;
const tag = () => `${process.pid % 100_000}-${++counter}`;

export async function dedicatedService(tiers: { minQty: number; maxQty: number; monthlyPriceDa: number }[]) {
  const service = await Service.create({
    code: `adm-${tag()}`,
    nameFr: 'Service test admin',
    nameEn: 'Admin test service',
    pricedBy: 'pcs',
    scopeFr: ['Un'],
    scopeEn: ['One'],
  });
  const rows = [];
  for (const t of tiers) rows.push(await PriceTier.create({ serviceId: service.id, ...t }));
  return { service, tiers: rows };
}

export async function makeQuote(company: Company, requester: User, serviceId: number, status: PipelineState<'quote'> = 'new') {
  return QuoteRequest.create({
    companyId: company.id,
    requesterUserId: requester.id,
    serviceId,
    durationMonths: 12,
    ticketsPerMonth: null,
    pcsCount: 10,
    softwareCount: null,
    description: null,
    estimatedMonthlyPriceDa: null,
    status,
    contactedAt: null,
    previousQuoteId: null,
  });
}

export async function makeProforma(quote: QuoteRequest, issuer: User, status: PipelineState<'proforma'>, exclTaxCents = 1_000_000) {
  const vatCents = Math.round(exclTaxCents * 0.19);
  return Proforma.create({
    number: `PF-T${tag()}`,
    quoteRequestId: quote.id,
    companyId: quote.companyId,
    issuedByUserId: issuer.id,
    serviceId: quote.serviceId,
    tierMaxQty: null,
    months: 12,
    lines: [{ description: 'Ligne test', quantity: 1, unitPriceCents: exclTaxCents, discountPercent: 0, totalCents: exclTaxCents }],
    totalExclTaxCents: exclTaxCents,
    vatRatePercent: 19,
    vatCents,
    totalInclTaxCents: exclTaxCents + vatCents,
    validUntil: '2099-12-31',
    status,
    paymentMethod: status === 'accepted' ? 'transfer' : null,
    refusalReason: null,
    acceptedAt: status === 'accepted' ? new Date() : null,
    refusedAt: null,
    paymentRecordedAt: null,
    paymentReference: null,
    pdfPath: null,
  });
}

/** An invoice for an accepted pro-forma; `issuedAt` moves its date (created_at), `paidAt` marks it paid. */
export async function makeInvoice(
  proforma: Proforma,
  company: Company,
  options: { exclTaxCents: number; issuedAt?: Date; paidAt?: Date | null; paymentMethod?: string },
) {
  const vatCents = Math.round(options.exclTaxCents * 0.19);
  const invoice = await Invoice.create({
    number: `FA-T${tag()}`,
    proformaId: proforma.id,
    companyId: company.id,
    issuedByUserId: proforma.issuedByUserId!,
    buyer: {
      companyName: company.name,
      address: company.address,
      phone: company.phone,
      rc: company.rc,
      nif: company.nif,
      nis: company.nis,
      ai: company.ai,
      contactName: null,
    },
    lines: [
      {
        description: 'Ligne test',
        quantity: 1,
        unitPriceCents: options.exclTaxCents,
        discountPercent: 0,
        totalCents: options.exclTaxCents,
      },
    ],
    totalExclTaxCents: options.exclTaxCents,
    vatRatePercent: 19,
    vatCents,
    totalInclTaxCents: options.exclTaxCents + vatCents,
    paymentMethod: options.paymentMethod ?? 'transfer',
    purchaseOrderId: null,
    dueDate: '2099-12-31',
    paidAt: options.paidAt ?? null,
    status: options.paidAt ? 'paid' : 'unpaid',
    pdfPath: null,
  });
  if (options.issuedAt) {
    await sequelize.query('UPDATE invoices SET created_at = :at WHERE id = :id', {
      replacements: { at: options.issuedAt, id: invoice.id },
      type: QueryTypes.UPDATE,
    });
    await invoice.reload();
  }
  return invoice;
}

/** The refusal a procedure answered with (code and i18n key), or null when it ran. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}
