import { Op, QueryTypes } from 'sequelize';
import { z } from 'zod';
import { Service, Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { sqlUtc } from '../calendar/algiers-calendar';
import { quotaUsage } from '../portal/quota-usage';
import { likeContains } from '../sales/quotes/list-quote-requests';
import { companySubscriptionStates, subscriptionStateOf, type CompanySubscriptionState } from './subscription-state';

export const companySorts = ['name_asc', 'name_desc', 'newest', 'end_asc', 'sync_asc'] as const;

export const listCompaniesInput = z.object({
  search: z
    .string()
    .trim()
    .max(100, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined)),
  subscription: z.enum(companySubscriptionStates).optional(),
  sort: z.enum(companySorts).default('name_asc'),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

/**
 * One row per company with what the list filters and sorts on, computed in SQL: the subscription
 * state (active: one covers now; upcoming: one starts later; ended: only past ones; none), the GLPI
 * link, and the oldest last success among its sync pairs (null while one has never succeeded).
 */
const companyRows = `
  SELECT c.id, c.name, c.created_at AS createdAt,
    CASE WHEN s.active_count > 0 THEN 'active' WHEN s.upcoming_count > 0 THEN 'upcoming' WHEN s.all_count > 0 THEN 'ended' ELSE 'none' END AS subscriptionState,
    s.last_end AS lastEndAt,
    l.glpi_entity_id AS glpiEntityId, l.provisioning_state AS provisioningState,
    y.pairs AS syncPairs, CASE WHEN y.never_count > 0 THEN NULL ELSE y.oldest_success END AS lastSyncAt
  FROM companies c
  LEFT JOIN (
    SELECT company_id, SUM(start_at <= :now AND end_at > :now) AS active_count, SUM(start_at > :now) AS upcoming_count,
           COUNT(*) AS all_count, MAX(end_at) AS last_end
    FROM subscriptions GROUP BY company_id
  ) s ON s.company_id = c.id
  LEFT JOIN glpi_company_links l ON l.company_id = c.id
  LEFT JOIN (
    SELECT company_id, COUNT(*) AS pairs, SUM(last_success_at IS NULL) AS never_count, MIN(last_success_at) AS oldest_success
    FROM glpi_sync_state GROUP BY company_id
  ) y ON y.company_id = c.id
  WHERE (:search IS NULL OR c.name LIKE :search)`;

const orders: Record<(typeof companySorts)[number], string> = {
  name_asc: 'x.name ASC, x.id ASC',
  name_desc: 'x.name DESC, x.id DESC',
  newest: 'x.createdAt DESC, x.id DESC',
  // Companies that never subscribed last.
  end_asc: '(x.lastEndAt IS NULL) ASC, x.lastEndAt ASC, x.id ASC',
  // The stalest first: never synced, then the oldest; companies without any sync last.
  sync_asc: '(x.syncPairs IS NULL) ASC, (x.lastSyncAt IS NOT NULL) ASC, x.lastSyncAt ASC, x.id ASC',
};

type CompanyRow = {
  id: number;
  name: string;
  createdAt: Date;
  subscriptionState: CompanySubscriptionState;
  lastEndAt: Date | null;
  glpiEntityId: number | null;
  provisioningState: 'pending' | 'done' | 'failed' | null;
  syncPairs: number | null;
  lastSyncAt: Date | null;
  total: number;
};

/** The staff's list of client companies: search by name (typed `%` and `_` are letters), filter by subscription state, sort, pages. */
export async function listCompanies(input: z.output<typeof listCompaniesInput>, now = new Date()) {
  const base = { now: sqlUtc(now), search: input.search ? likeContains(input.search) : null };
  const [rows, grouped] = await Promise.all([
    sequelize.query<CompanyRow>(
      `SELECT x.*, COUNT(*) OVER () AS total FROM (${companyRows}) x
       WHERE (:state IS NULL OR x.subscriptionState = :state)
       ORDER BY ${orders[input.sort]} LIMIT :limit OFFSET :offset`,
      {
        replacements: { ...base, state: input.subscription ?? null, limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
        type: QueryTypes.SELECT,
      },
    ),
    // Counts follow the search, not the state filter, so each filter says what choosing it shows.
    sequelize.query<{ state: CompanySubscriptionState; n: number }>(
      `SELECT x.subscriptionState AS state, COUNT(*) AS n FROM (${companyRows}) x GROUP BY x.subscriptionState`,
      { replacements: base, type: QueryTypes.SELECT },
    ),
  ]);
  const ids = rows.map((row) => Number(row.id));
  const [subscriptions, quota] = await Promise.all([
    ids.length === 0
      ? []
      : (Subscription.findAll({
          where: { companyId: { [Op.in]: ids } },
          include: [{ model: Service, as: 'service', attributes: ['code', 'nameFr', 'nameEn'] }],
          order: [['endAt', 'DESC']],
        }) as Promise<Array<Subscription & { service: Service }>>),
    quotaUsage(ids, now),
  ]);
  const counts = Object.fromEntries(companySubscriptionStates.map((state) => [state, 0])) as Record<CompanySubscriptionState, number>;
  for (const row of grouped) counts[row.state] = Number(row.n);
  const total = Number(rows[0]?.total ?? 0);

  return {
    items: rows.map((row) => {
      const id = Number(row.id);
      const own = subscriptions.filter((s) => s.companyId === id);
      return {
        id,
        name: row.name,
        createdAt: new Date(row.createdAt),
        subscriptionState: row.subscriptionState,
        plans: shownPlans(own, row.subscriptionState, now).map((s) => ({
          serviceCode: s.service.code,
          serviceNameFr: s.service.nameFr,
          serviceNameEn: s.service.nameEn,
          tierMaxQty: s.tierMaxQty,
          startAt: s.startAt,
          endAt: s.endAt,
        })),
        glpi: {
          entityId: row.glpiEntityId === null ? null : Number(row.glpiEntityId),
          provisioningState: row.provisioningState ?? ('none' as const),
        },
        sync: { pairs: Number(row.syncPairs ?? 0), lastSyncAt: row.lastSyncAt === null ? null : new Date(row.lastSyncAt) },
        quota: quota.get(id) ?? [],
      };
    }),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
    counts,
    countAll: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

/** What the list says about the plan: the running subscriptions, else the next one, else the last one. */
function shownPlans<T extends Subscription>(subscriptions: T[], state: CompanySubscriptionState, now: Date): T[] {
  const relevant = subscriptions.filter((s) => subscriptionStateOf(s, now) === state);
  if (state === 'active') return relevant;
  if (state === 'upcoming') return relevant.sort((a, b) => a.startAt.getTime() - b.startAt.getTime()).slice(0, 1);
  return relevant.slice(0, 1);
}
