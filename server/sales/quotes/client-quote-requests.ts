import { Company, QuoteRequest, Service } from '../../db/models';
import { notFound } from '../../errors';
import { quoteReference } from './quote-reference';

const companyFields = ['name', 'sector', 'employeeRange', 'address', 'phone', 'rc', 'nif', 'nis', 'ai'] as const;

/** The company as the form shows it: every field a string ('' when unknown), ready to submit again. */
function companyFormValues(company: Company) {
  return Object.fromEntries(companyFields.map((f) => [f, company[f] ?? ''])) as Record<(typeof companyFields)[number], string>;
}

/** A client's own company's requests, newest first (the company id comes from their account). */
export async function listCompanyQuoteRequests(companyId: number) {
  const quotes = await QuoteRequest.findAll({
    where: { companyId },
    include: [{ model: Service, as: 'service', attributes: ['code', 'nameFr', 'nameEn'] }],
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return quotes.map((q) => {
    const service = (q as QuoteRequest & { service?: Service }).service;
    return {
      id: q.id,
      reference: quoteReference(q.id),
      status: q.status,
      createdAt: q.createdAt,
      serviceCode: service?.code ?? '',
      serviceNameFr: service?.nameFr ?? '',
      serviceNameEn: service?.nameEn ?? '',
      durationMonths: q.durationMonths,
      estimatedMonthlyPriceDa: q.estimatedMonthlyPriceDa,
    };
  });
}

/**
 * What the quote form starts from when a client asks again or renews: the earlier request's
 * service, details and duration, and their company as it is now. Another company's request is
 * not found, by construction of the query.
 */
export async function prefillFromQuote(companyId: number, quoteId: number) {
  const quote = await QuoteRequest.findOne({
    where: { id: quoteId, companyId },
    include: [
      { model: Service, as: 'service', attributes: ['code'] },
      { model: Company, as: 'company' },
    ],
  });
  if (!quote) throw notFound();
  const q = quote as QuoteRequest & { service: Service; company: Company };
  return {
    previousQuoteId: q.id,
    reference: quoteReference(q.id),
    company: companyFormValues(q.company),
    serviceCode: q.service.code,
    ticketsPerMonth: q.ticketsPerMonth,
    pcsCount: q.pcsCount,
    softwareCount: q.softwareCount,
    description: q.description,
    durationMonths: q.durationMonths,
  };
}

/** The company as the quote form's company step shows it (a client who already has one). */
export async function companyForQuoteForm(companyId: number) {
  const company = await Company.findByPk(companyId);
  if (!company) throw notFound();
  return companyFormValues(company);
}
