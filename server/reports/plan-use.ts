import { Op, QueryTypes } from 'sequelize';
import { PriceTier, Service, Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { sqlUtc } from '../calendar/algiers-calendar';
import { findTier, pricingQuantity } from '../catalog/tier-pricing';
import { quotaKinds, type QuotaKind } from '../portal/quota-usage';
import { monthBounds } from './report-month';

/** Which services pay for what (as the quota meters count it): support tickets, management PCs, the full pack both. */
const coveredBy: Record<QuotaKind, readonly string[]> = { tickets: ['support', 'full'], computers: ['management', 'full'] };

export type PlanMonth = { month: string; used: number; allowed: number | null };
export type PlanLine = { kind: QuotaKind; months: PlanMonth[]; exceededEveryMonth: boolean };
export type Recommendation = {
  serviceCode: string;
  currentTierMax: number;
  neededQty: number;
  tier: { maxQty: number; monthlyPriceDa: number } | null;
};

type MonthPlan = Array<{ serviceId: number; serviceCode: string; tierMaxQty: number }>;

/**
 * The subscriptions a month was paid under: those covering any part of it, the latest-starting one
 * per service (a renewal in the middle of the month carries the tier that month ended on).
 */
async function plansOfMonths(companyId: number, months: string[]): Promise<Map<string, MonthPlan>> {
  const first = monthBounds(months[0]!).start;
  const last = monthBounds(months.at(-1)!).end;
  const subscriptions = (await Subscription.findAll({
    where: { companyId, startAt: { [Op.lt]: last }, endAt: { [Op.gt]: first } },
    include: [{ model: Service, as: 'service', attributes: ['code'] }],
    order: [
      ['startAt', 'ASC'],
      ['id', 'ASC'],
    ],
  })) as Array<Subscription & { service: Service }>;
  return new Map(
    months.map((month) => {
      const { start, end } = monthBounds(month);
      const latest = new Map<number, { serviceId: number; serviceCode: string; tierMaxQty: number }>();
      for (const s of subscriptions) {
        if (s.startAt < end && s.endAt > start)
          latest.set(s.serviceId, { serviceId: s.serviceId, serviceCode: s.service.code, tierMaxQty: s.tierMaxQty });
      }
      return [month, [...latest.values()]];
    }),
  );
}

/** Tickets opened in each month, and computers in the park at each month's end (templates never count). */
async function usageOfMonths(companyId: number, months: string[]): Promise<Map<string, Record<QuotaKind, number>>> {
  const usage = new Map<string, Record<QuotaKind, number>>();
  // One query at a time, as the report's others (report-figures.ts).
  for (const month of months) {
    const { start, end } = monthBounds(month);
    const replacements = { companyId, start: sqlUtc(start), end: sqlUtc(end) };
    const [tickets] = await sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM glpi_tickets WHERE company_id = :companyId AND deleted_at IS NULL AND opened_at >= :start AND opened_at < :end`,
      { replacements, type: QueryTypes.SELECT },
    );
    // A computer GLPI gives no creation date for was there before the cache knew it.
    const [computers] = await sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM glpi_assets WHERE company_id = :companyId AND itemtype = 'Computer' AND is_template = 0
         AND (glpi_created_at IS NULL OR glpi_created_at < :end) AND (deleted_at IS NULL OR deleted_at >= :end)`,
      { replacements, type: QueryTypes.SELECT },
    );
    usage.set(month, { tickets: Number(tickets?.n ?? 0), computers: Number(computers?.n ?? 0) });
  }
  return usage;
}

/**
 * The plan's use over the given months (the report's and the two before it): per quota kind the
 * company paid for in the report's month, what was used against what the tier allowed, and — when
 * a kind went over its tier in every one of those months — the tier that would have covered the
 * highest use (null above the top tier: the price is then negotiated with the commercial).
 */
export async function planUse(companyId: number, months: string[]): Promise<{ lines: PlanLine[]; recommendations: Recommendation[] }> {
  const plans = await plansOfMonths(companyId, months);
  const usage = await usageOfMonths(companyId, months);
  const reportPlan = plans.get(months.at(-1)!) ?? [];
  const lines: PlanLine[] = quotaKinds.flatMap((kind) => {
    if (!reportPlan.some((plan) => coveredBy[kind].includes(plan.serviceCode))) return [];
    const perMonth = months.map((month) => {
      const covering = (plans.get(month) ?? []).filter((plan) => coveredBy[kind].includes(plan.serviceCode));
      const allowed = covering.length === 0 ? null : covering.reduce((sum, plan) => sum + plan.tierMaxQty, 0);
      return { month, used: usage.get(month)![kind], allowed };
    });
    return [{ kind, months: perMonth, exceededEveryMonth: perMonth.every((m) => m.allowed !== null && m.used > m.allowed) }];
  });

  const exceeded = new Set(lines.filter((line) => line.exceededEveryMonth).map((line) => line.kind));
  if (exceeded.size === 0) return { lines, recommendations: [] };
  const highest = (kind: QuotaKind) => Math.max(...months.map((month) => usage.get(month)![kind]));
  const recommendations: Recommendation[] = [];
  for (const plan of reportPlan) {
    if (!quotaKinds.some((kind) => exceeded.has(kind) && coveredBy[kind].includes(plan.serviceCode))) continue;
    const service = await Service.findByPk(plan.serviceId, { include: [{ model: PriceTier, as: 'tiers' }] });
    if (!service) continue;
    const neededQty = pricingQuantity(service.pricedBy, { ticketsPerMonth: highest('tickets'), pcsCount: highest('computers') });
    const tiers = [...(service.tiers ?? [])].sort((a, b) => a.minQty - b.minQty);
    const tier = findTier(tiers, neededQty);
    recommendations.push({
      serviceCode: plan.serviceCode,
      currentTierMax: plan.tierMaxQty,
      neededQty,
      tier: tier ? { maxQty: tier.maxQty, monthlyPriceDa: tier.monthlyPriceDa } : null,
    });
  }
  return { lines, recommendations };
}
