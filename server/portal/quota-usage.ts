import { Op, QueryTypes } from 'sequelize';
import { Service, Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { algiersMonth, algiersMonthStart, sqlUtc } from '../calendar/algiers-calendar';

export const quotaKinds = ['tickets', 'computers'] as const;
export type QuotaKind = (typeof quotaKinds)[number];

/** Which services pay for what: support counts tickets a month, management counts PCs, the full pack both. */
const coveredBy: Record<QuotaKind, readonly string[]> = { tickets: ['support', 'full'], computers: ['management', 'full'] };

export type QuotaLine = { kind: QuotaKind; used: number; allowed: number; percent: number };
export type ActivePlan = { serviceCode: string; tierMaxQty: number };

/**
 * The plan against reality: tickets opened this calendar month (Algiers) against the support
 * tier's monthly allowance, computers inventoried in GLPI against the PCs subscribed. Only the
 * lines the company's services pay for; the allowance is the subscribed tier's maximum.
 */
export function planAgainstReality(plans: ActivePlan[], figures: { ticketsThisMonth: number; computers: number }): QuotaLine[] {
  const used: Record<QuotaKind, number> = { tickets: figures.ticketsThisMonth, computers: figures.computers };
  return quotaKinds.flatMap((kind) => {
    const covering = plans.filter((plan) => coveredBy[kind].includes(plan.serviceCode));
    if (covering.length === 0) return [];
    const allowed = covering.reduce((sum, plan) => sum + plan.tierMaxQty, 0);
    const percent = allowed > 0 ? Math.round((used[kind] / allowed) * 1000) / 10 : used[kind] > 0 ? 100 : 0;
    return [{ kind, used: used[kind], allowed, percent }];
  });
}

/** Subscriptions covering now, per company (several services may run side by side). */
export async function activePlans(companyIds: number[] | 'all', now = new Date()): Promise<Map<number, ActivePlan[]>> {
  const subscriptions = await Subscription.findAll({
    where: { startAt: { [Op.lte]: now }, endAt: { [Op.gt]: now }, ...(companyIds === 'all' ? {} : { companyId: { [Op.in]: companyIds } }) },
    include: [{ model: Service, as: 'service', attributes: ['code'] }],
    attributes: ['companyId', 'tierMaxQty'],
  });
  const plans = new Map<number, ActivePlan[]>();
  for (const subscription of subscriptions as Array<Subscription & { service: Service }>) {
    const list = plans.get(subscription.companyId) ?? [];
    list.push({ serviceCode: subscription.service.code, tierMaxQty: subscription.tierMaxQty });
    plans.set(subscription.companyId, list);
  }
  return plans;
}

/** The same figures as the dashboard aggregates, read from MySQL (the truth) for many companies at once. */
export async function usageFigures(
  companyIds: number[],
  now = new Date(),
): Promise<Map<number, { ticketsThisMonth: number; computers: number }>> {
  const figures = new Map(companyIds.map((id) => [id, { ticketsThisMonth: 0, computers: 0 }]));
  if (companyIds.length === 0) return figures;
  const replacements = { companyIds, monthStart: sqlUtc(algiersMonthStart(algiersMonth(now))) };
  const [tickets, computers] = await Promise.all([
    sequelize.query<{ c: number; n: number }>(
      `SELECT company_id AS c, COUNT(*) AS n FROM glpi_tickets
       WHERE company_id IN (:companyIds) AND deleted_at IS NULL AND opened_at >= :monthStart GROUP BY company_id`,
      { replacements, type: QueryTypes.SELECT },
    ),
    sequelize.query<{ c: number; n: number }>(
      `SELECT company_id AS c, COUNT(*) AS n FROM glpi_assets
       WHERE company_id IN (:companyIds) AND itemtype = 'Computer' AND deleted_at IS NULL AND is_template = 0 GROUP BY company_id`,
      { replacements, type: QueryTypes.SELECT },
    ),
  ]);
  for (const row of tickets) figures.get(Number(row.c))!.ticketsThisMonth = Number(row.n);
  for (const row of computers) figures.get(Number(row.c))!.computers = Number(row.n);
  return figures;
}

/** Quota lines of every company with an active subscription (or of the given ones). */
export async function quotaUsage(companyIds: number[] | 'all', now = new Date()): Promise<Map<number, QuotaLine[]>> {
  const plans = await activePlans(companyIds, now);
  const figures = await usageFigures([...plans.keys()], now);
  return new Map([...plans].map(([companyId, list]) => [companyId, planAgainstReality(list, figures.get(companyId)!)]));
}
