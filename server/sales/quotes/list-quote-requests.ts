import { Op, fn, col, type Order, type WhereOptions } from 'sequelize';
import { Company, QuoteRequest, Service } from '../../db/models';
import { quoteStatuses, type PipelineState } from '../pipeline-states';
import type { listQuoteRequestsInput } from './quote-request-schemas';
import { quoteReference } from './quote-reference';
import type { z } from 'zod';

/** `%` and `_` typed by a person are letters to find, not wildcards. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const orders: Record<z.infer<typeof listQuoteRequestsInput>['sort'], Order> = {
  date_desc: [
    ['createdAt', 'DESC'],
    ['id', 'DESC'],
  ],
  date_asc: [
    ['createdAt', 'ASC'],
    ['id', 'ASC'],
  ],
  company_asc: [
    [{ model: Company, as: 'company' }, 'name', 'ASC'],
    ['id', 'DESC'],
  ],
  company_desc: [
    [{ model: Company, as: 'company' }, 'name', 'DESC'],
    ['id', 'DESC'],
  ],
  // Pipeline order (the enum's order), newest first within a status.
  status_asc: [
    ['status', 'ASC'],
    ['createdAt', 'DESC'],
    ['id', 'DESC'],
  ],
};

/** The commercial team's quote list: one page, the total, and how many requests are in each status. */
export async function listQuoteRequests(input: z.infer<typeof listQuoteRequestsInput>) {
  const search = input.search?.trim();
  const companyWhere: WhereOptions<Company> | undefined = search ? { name: { [Op.like]: likeContains(search) } } : undefined;
  const where: WhereOptions<QuoteRequest> = input.status ? { status: input.status } : {};

  const { rows, count } = await QuoteRequest.findAndCountAll({
    where,
    include: [
      { model: Company, as: 'company', attributes: ['id', 'name', 'phone'], where: companyWhere, required: true },
      { model: Service, as: 'service', attributes: ['code', 'nameFr', 'nameEn'] },
    ],
    order: orders[input.sort],
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
    distinct: true,
  });

  // Counts follow the search (not the status filter) so that each chip says what clicking it shows.
  const grouped = (await QuoteRequest.findAll({
    attributes: ['status', [fn('COUNT', col('QuoteRequest.id')), 'count']],
    include: [{ model: Company, as: 'company', attributes: [], where: companyWhere, required: true }],
    group: ['status'],
    raw: true,
  })) as unknown as { status: PipelineState<'quote'>; count: number | string }[];
  const counts = Object.fromEntries(quoteStatuses.map((s) => [s, 0])) as Record<PipelineState<'quote'>, number>;
  for (const g of grouped) counts[g.status] = Number(g.count);

  return {
    items: rows.map((q) => {
      const withIncludes = q as QuoteRequest & { company?: Company; service?: Service };
      return {
        id: q.id,
        reference: quoteReference(q.id),
        status: q.status,
        createdAt: q.createdAt,
        companyName: withIncludes.company?.name ?? '',
        companyPhone: withIncludes.company?.phone ?? null,
        serviceCode: withIncludes.service?.code ?? '',
        serviceNameFr: withIncludes.service?.nameFr ?? '',
        serviceNameEn: withIncludes.service?.nameEn ?? '',
        durationMonths: q.durationMonths,
        estimatedMonthlyPriceDa: q.estimatedMonthlyPriceDa,
      };
    }),
    total: count,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(count / input.pageSize)),
    counts,
    countAll: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}
