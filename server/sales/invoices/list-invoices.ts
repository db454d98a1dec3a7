import { invoiceHistory } from './invoice-history';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { Company, CreditNote, Invoice, Proforma, Service, Subscription } from '../../db/models';
import { notFound } from '../../errors';

export const invoiceFilters = ['all', 'unpaid', 'paid', 'credited'] as const;
export const listInvoicesInput = z.object({
  status: z.enum(invoiceFilters).default('all'),
  search: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
const PAGE_SIZE = 20;

type InvoiceRow = Invoice & { company: Company; creditNote: CreditNote | null };

function invoiceSummary(i: InvoiceRow) {
  return {
    id: i.id,
    number: i.number,
    status: i.status,
    company: { id: i.company.id, name: i.company.name },
    totalInclTaxCents: Number(i.totalInclTaxCents),
    paymentMethod: i.paymentMethod,
    dueDate: i.dueDate,
    paidAt: i.paidAt,
    creditNote: i.creditNote ? { id: i.creditNote.id, number: i.creditNote.number } : null,
    createdAt: i.createdAt,
  };
}

/** The staff's invoice list: newest first, filtered by state and company name, 20 a page. */
export async function listInvoices(input: z.output<typeof listInvoicesInput>) {
  const where: WhereOptions = input.status === 'all' ? {} : { status: input.status };
  const companyWhere = input.search ? { name: { [Op.like]: `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : undefined;
  const { rows, count } = await Invoice.findAndCountAll({
    where,
    include: [
      { model: Company, as: 'company', where: companyWhere },
      { model: CreditNote, as: 'creditNote', required: false },
    ],
    order: [['id', 'DESC']],
    limit: PAGE_SIZE,
    offset: (input.page - 1) * PAGE_SIZE,
    subQuery: false,
    distinct: true,
  });
  return { items: (rows as InvoiceRow[]).map(invoiceSummary), total: count, page: input.page, pageSize: PAGE_SIZE };
}

/** One invoice for the staff, with what was sold, its credit note and the subscription it started. */
export async function invoiceDetail(id: number) {
  const invoice = (await Invoice.findByPk(id, {
    include: [
      { model: Company, as: 'company' },
      { model: CreditNote, as: 'creditNote' },
      { model: Proforma, as: 'proforma', include: [{ model: Service, as: 'service' }] },
    ],
  })) as (InvoiceRow & { proforma: Proforma & { service: Service } }) | null;
  if (!invoice) throw notFound();
  const subscription = await Subscription.findOne({ where: { invoiceId: invoice.id } });
  return {
    ...invoiceSummary(invoice),
    buyer: invoice.buyer,
    lines: invoice.lines,
    totalExclTaxCents: Number(invoice.totalExclTaxCents),
    vatRatePercent: Number(invoice.vatRatePercent),
    vatCents: Number(invoice.vatCents),
    proforma: { id: invoice.proforma.id, number: invoice.proforma.number, months: invoice.proforma.months },
    service: { code: invoice.proforma.service.code, nameFr: invoice.proforma.service.nameFr, nameEn: invoice.proforma.service.nameEn },
    subscription: subscription
      ? { id: subscription.id, startAt: subscription.startAt, endAt: subscription.endAt, months: subscription.months }
      : null,
    creditNoteReason: invoice.creditNote?.reason ?? null,
    history: await invoiceHistory(invoice),
  };
}
