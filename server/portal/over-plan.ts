import { Op } from 'sequelize';
import { Company } from '../db/models';
import { quotaUsage, type QuotaLine } from './quota-usage';

/**
 * For the staff: subscribed clients whose usage this month reached a share of their plan (100 %:
 * over their plan), most over first, so the sales team can offer the next tier.
 */
export async function clientsOverPlan(options: { minPercent?: number; now?: Date } = {}) {
  const minPercent = options.minPercent ?? 100;
  const usage = await quotaUsage('all', options.now);
  const over = [...usage].flatMap(([companyId, lines]) => {
    const reached = lines.filter((line) => line.percent >= minPercent);
    return reached.length === 0 ? [] : [{ companyId, lines, worst: Math.max(...reached.map((line) => line.percent)) }];
  });
  const companies =
    over.length === 0
      ? []
      : await Company.findAll({ where: { id: { [Op.in]: over.map((row) => row.companyId) } }, attributes: ['id', 'name'] });
  const names = new Map(companies.map((company) => [company.id, company.name]));
  return over
    .map((row) => ({
      companyId: row.companyId,
      companyName: names.get(row.companyId) ?? '',
      lines: row.lines as QuotaLine[],
      worstPercent: row.worst,
    }))
    .sort((a, b) => b.worstPercent - a.worstPercent || a.companyName.localeCompare(b.companyName));
}
