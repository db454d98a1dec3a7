import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { Company } from '../db/models';
import { sequelize } from '../db/sequelize';
import { addDays, algiersDate, sqlUtc } from '../calendar/algiers-calendar';
import { quotaKinds } from '../portal/quota-usage';
import { planUse } from './plan-use';
import { monthBounds, monthsEndingWith } from './report-month';

const count = z.number().int().nonnegative();
const deadlineFigures = z.object({
  /** Tickets the step was measured on (taken into account, or resolved). */
  measured: count,
  meanHours: z.number().nullable(),
  /** Of the tickets GLPI gave a deadline (its SLA: the contract's target), met and missed. */
  withTarget: count,
  met: count,
  missed: count,
});
const dueItem = z.object({ itemtype: z.string(), name: z.string().nullable(), date: z.string() });

/** The figures of one monthly report, stored as computed (monthly_reports.figures) and drawn from. */
export const reportFiguresSchema = z.object({
  companyId: z.number().int(),
  companyName: z.string(),
  month: z.string(),
  computedAt: z.string(),
  tickets: z.object({
    opened: count,
    solved: count,
    openAtMonthEnd: count,
    /** The 12 months ending with the report's, oldest first. */
    perMonth: z.array(z.object({ month: z.string(), opened: count, solved: count })),
  }),
  timeToOwn: deadlineFigures,
  timeToResolve: deadlineFigures,
  topCategories: z.array(z.object({ name: z.string().nullable(), count })),
  /** Assets named by the tickets opened from the portal in the month, most named first. */
  topAssets: z.array(z.object({ itemtype: z.string(), name: z.string().nullable(), count })),
  park: z.object({
    added: z.array(z.object({ itemtype: z.string(), count })),
    retired: z.array(z.object({ itemtype: z.string(), count })),
  }),
  /** From the first day after the month, 90 days on; at most `dueListed` of each are named. */
  warranties: z.object({ count, items: z.array(dueItem) }),
  licences: z.object({ count, items: z.array(dueItem) }),
  /** Surveys answered in the month (ticket_surveys, 1–5 stars); optional: reports stored before it have none. */
  satisfaction: z.object({ answered: count, averageRating: z.number().nullable(), byRating: z.array(count).length(5) }).optional(),
  plan: z.object({
    lines: z.array(
      z.object({
        kind: z.enum(quotaKinds),
        months: z.array(z.object({ month: z.string(), used: count, allowed: count.nullable() })),
        exceededEveryMonth: z.boolean(),
      }),
    ),
    recommendations: z.array(
      z.object({
        serviceCode: z.string(),
        currentTierMax: count,
        neededQty: count,
        tier: z.object({ maxQty: count, monthlyPriceDa: z.number() }).nullable(),
      }),
    ),
  }),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

/** The hardware a park change counts (software and licences come and go with installs, not purchases). */
export const hardwareItemtypes = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone'] as const;
const dueDays = 90;
const dueListed = 10;
const topCategoryCount = 5;
const topAssetCount = 5;

type Row = Record<string, string | number | null>;
// Each query is a thunk run one after the other: a report is background work, and firing its
// twenty queries at once took the whole connection pool from the sync jobs sharing the worker (and,
// under load, timed out waiting for a connection). One at a time costs a report little.
const select = (sql: string, replacements: Record<string, unknown>) => () =>
  sequelize.query<Row>(sql, { replacements, type: QueryTypes.SELECT });
async function inTurn<T extends readonly (() => Promise<unknown>)[]>(steps: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
const n = (value: unknown) => Number(value ?? 0);
const hours = (seconds: unknown) => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 3600) * 10) / 10);

/**
 * A company's report for a month, from the local cache only (never GLPI). Tickets trashed in GLPI
 * are left out; a ticket is resolved when it was solved, or closed without a solution. Deadlines
 * are GLPI's own per ticket (time to own, time to resolve: the SLA of the contract set in GLPI);
 * a ticket never taken into account whose deadline has passed by `now` counts as missed.
 */
export async function computeReportFigures(companyId: number, month: string, now = new Date()): Promise<ReportFigures> {
  const company = await Company.findByPk(companyId, { attributes: ['id', 'name'], rejectOnEmpty: true });
  const { start, end, firstDayAfter } = monthBounds(month);
  const trend = monthsEndingWith(month, 12);
  const replacements = {
    companyId,
    start: sqlUtc(start),
    end: sqlUtc(end),
    now: sqlUtc(now),
    trendStart: sqlUtc(monthBounds(trend[0]!).start),
    dueFrom: firstDayAfter,
    dueTo: addDays(algiersDate(end), dueDays),
    hardware: [...hardwareItemtypes],
    dueListed,
    topCategoryCount,
    topAssetCount,
  };
  const live = 'company_id = :companyId AND deleted_at IS NULL';
  const resolved = 'COALESCE(solved_at, closed_at)';
  const [
    counts,
    opened,
    solved,
    own,
    resolve,
    categories,
    assets,
    added,
    retired,
    warrantyCount,
    warranties,
    licenceCount,
    licences,
    ratings,
    plan,
  ] = await inTurn([
    select(
      `SELECT SUM(opened_at >= :start AND opened_at < :end) AS opened, SUM(${resolved} >= :start AND ${resolved} < :end) AS solved,
            SUM(opened_at < :end AND (${resolved} IS NULL OR ${resolved} >= :end)) AS still_open FROM glpi_tickets WHERE ${live}`,
      replacements,
    ),
    select(
      `SELECT DATE_FORMAT(opened_at + INTERVAL 1 HOUR, '%Y-%m') AS m, COUNT(*) AS n FROM glpi_tickets
            WHERE ${live} AND opened_at >= :trendStart AND opened_at < :end GROUP BY m`,
      replacements,
    ),
    select(
      `SELECT DATE_FORMAT(${resolved} + INTERVAL 1 HOUR, '%Y-%m') AS m, COUNT(*) AS n FROM glpi_tickets
            WHERE ${live} AND ${resolved} >= :trendStart AND ${resolved} < :end GROUP BY m`,
      replacements,
    ),
    select(
      `SELECT COUNT(taken_at) AS measured, AVG(IF(taken_at >= opened_at, TIMESTAMPDIFF(SECOND, opened_at, taken_at), NULL)) AS s,
            COUNT(time_to_own) AS with_target, SUM(taken_at <= time_to_own) AS met,
            SUM(taken_at > time_to_own OR (taken_at IS NULL AND time_to_own < :now)) AS missed
            FROM glpi_tickets WHERE ${live} AND opened_at >= :start AND opened_at < :end`,
      replacements,
    ),
    select(
      `SELECT COUNT(*) AS measured, AVG(IF(${resolved} >= opened_at, TIMESTAMPDIFF(SECOND, opened_at, ${resolved}), NULL)) AS s,
            COUNT(time_to_resolve) AS with_target, SUM(${resolved} <= time_to_resolve) AS met, SUM(${resolved} > time_to_resolve) AS missed
            FROM glpi_tickets WHERE ${live} AND ${resolved} >= :start AND ${resolved} < :end`,
      replacements,
    ),
    select(
      `SELECT category AS name, COUNT(*) AS n FROM glpi_tickets WHERE ${live} AND opened_at >= :start AND opened_at < :end
            GROUP BY category ORDER BY n DESC, name LIMIT :topCategoryCount`,
      replacements,
    ),
    // The month's tickets per asset of the company's park, from GLPI's Item_Ticket links (synced,
    // whoever linked them: the client at creation or a technician); a ticket about two assets counts for each.
    select(
      `SELECT i.itemtype, MAX(a.name) AS name, COUNT(DISTINCT t.glpi_id) AS n FROM glpi_ticket_items i
            JOIN glpi_tickets t ON t.company_id = i.company_id AND t.glpi_id = i.glpi_ticket_id AND t.deleted_at IS NULL
            JOIN glpi_assets a ON a.company_id = i.company_id AND a.itemtype = i.itemtype AND a.glpi_id = i.items_id AND a.is_template = 0
            WHERE i.company_id = :companyId AND i.deleted_at IS NULL AND t.opened_at >= :start AND t.opened_at < :end
            GROUP BY i.itemtype, i.items_id ORDER BY n DESC, name, i.items_id LIMIT :topAssetCount`,
      replacements,
    ),
    select(
      `SELECT itemtype, COUNT(*) AS n FROM glpi_assets WHERE company_id = :companyId AND is_template = 0 AND itemtype IN (:hardware)
            AND glpi_created_at >= :start AND glpi_created_at < :end GROUP BY itemtype ORDER BY itemtype`,
      replacements,
    ),
    select(
      `SELECT itemtype, COUNT(*) AS n FROM glpi_assets WHERE company_id = :companyId AND is_template = 0 AND itemtype IN (:hardware)
            AND deleted_at >= :start AND deleted_at < :end GROUP BY itemtype ORDER BY itemtype`,
      replacements,
    ),
    select(
      `SELECT COUNT(*) AS n FROM glpi_assets WHERE ${live} AND is_template = 0 AND warranty_end BETWEEN :dueFrom AND :dueTo`,
      replacements,
    ),
    select(
      `SELECT itemtype, name, DATE_FORMAT(warranty_end, '%Y-%m-%d') AS d FROM glpi_assets WHERE ${live} AND is_template = 0
            AND warranty_end BETWEEN :dueFrom AND :dueTo ORDER BY warranty_end, glpi_id LIMIT :dueListed`,
      replacements,
    ),
    select(
      `SELECT COUNT(*) AS n FROM glpi_assets WHERE ${live} AND is_template = 0 AND itemtype = 'SoftwareLicense'
            AND licence_expires_on BETWEEN :dueFrom AND :dueTo`,
      replacements,
    ),
    select(
      `SELECT itemtype, name, DATE_FORMAT(licence_expires_on, '%Y-%m-%d') AS d FROM glpi_assets WHERE ${live} AND is_template = 0
            AND itemtype = 'SoftwareLicense' AND licence_expires_on BETWEEN :dueFrom AND :dueTo ORDER BY licence_expires_on, glpi_id LIMIT :dueListed`,
      replacements,
    ),
    select(
      `SELECT rating, COUNT(*) AS n FROM ticket_surveys WHERE company_id = :companyId AND rating IS NOT NULL
            AND answered_at >= :start AND answered_at < :end GROUP BY rating`,
      replacements,
    ),
    () => planUse(companyId, monthsEndingWith(month, 3)),
  ] as const);
  const byRating = [1, 2, 3, 4, 5].map((stars) => n(ratings.find((row) => Number(row.rating) === stars)?.n));
  const answered = byRating.reduce((sum, k) => sum + k, 0);
  const openedBy = new Map(opened.map((row) => [String(row.m), n(row.n)]));
  const solvedBy = new Map(solved.map((row) => [String(row.m), n(row.n)]));
  const deadline = (row: Row | undefined) => ({
    measured: n(row?.measured),
    meanHours: hours(row?.s),
    withTarget: n(row?.with_target),
    met: n(row?.met),
    missed: n(row?.missed),
  });
  const due = (rows: Row[]) =>
    rows.map((row) => ({ itemtype: String(row.itemtype), name: row.name === null ? null : String(row.name), date: String(row.d) }));
  const byType = (rows: Row[]) => rows.map((row) => ({ itemtype: String(row.itemtype), count: n(row.n) }));
  return reportFiguresSchema.parse({
    companyId,
    companyName: company.name,
    month,
    computedAt: now.toISOString(),
    tickets: {
      opened: n(counts[0]?.opened),
      solved: n(counts[0]?.solved),
      openAtMonthEnd: n(counts[0]?.still_open),
      perMonth: trend.map((m) => ({ month: m, opened: openedBy.get(m) ?? 0, solved: solvedBy.get(m) ?? 0 })),
    },
    timeToOwn: deadline(own[0]),
    timeToResolve: deadline(resolve[0]),
    topCategories: categories.map((row) => ({ name: row.name === null ? null : String(row.name), count: n(row.n) })),
    topAssets: assets.map((row) => ({
      itemtype: String(row.itemtype),
      name: row.name === null ? null : String(row.name),
      count: n(row.n),
    })),
    park: { added: byType(added), retired: byType(retired) },
    warranties: { count: n(warrantyCount[0]?.n), items: due(warranties) },
    licences: { count: n(licenceCount[0]?.n), items: due(licences) },
    satisfaction: {
      answered,
      averageRating: answered === 0 ? null : byRating.reduce((sum, k, i) => sum + k * (i + 1), 0) / answered,
      byRating,
    },
    plan,
  });
}
