import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { readFromPrimary } from '../db/read-routing';
import { sequelize } from '../db/sequelize';
import { logger } from '../logger';
import { redis, redisKey } from '../redis';
import { addDays, algiersDate, algiersMonth, algiersMonthStart, lastAlgiersMonths, sqlUtc } from '../calendar/algiers-calendar';

const count = z.number().int().nonnegative();
const named = z.object({ name: z.string().nullable(), count });
const dueItem = z.object({ itemtype: z.string(), glpiId: z.number().int(), name: z.string().nullable(), date: z.string() });

/** The dashboard figures of one company, as stored in Redis and returned to the portal. */
export const dashboardSchema = z.object({
  companyId: z.number().int(),
  computedAt: z.string(),
  assets: z.object({
    total: count,
    byType: z.array(z.object({ itemtype: z.string(), count })),
    byTypeAndState: z.array(z.object({ itemtype: z.string(), state: z.string().nullable(), count })),
  }),
  computers: z.object({ byOperatingSystem: z.array(named), byManufacturer: z.array(named) }),
  /** Warranties ending between today and today + 90 days (Algiers), soonest first (at most 20 listed). */
  warranties: z.object({ endingWithin90Days: count, items: z.array(dueItem) }),
  licences: z.object({ total: count, expiringWithin90Days: count, expired: count, items: z.array(dueItem) }),
  tickets: z.object({
    total: count,
    open: count,
    byStatus: z.array(z.object({ status: z.number().int(), count })),
    byUrgency: z.array(z.object({ urgency: z.number().int(), count })),
    /** The last 12 calendar months in Africa/Algiers, oldest first. */
    perMonth: z.array(z.object({ month: z.string(), opened: count, solved: count })),
    /** Mean opening → solving time of the tickets solved in those 12 months; null when none. */
    meanTimeToSolveHours: z.number().nullable(),
    openedThisMonth: count,
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const dashboardKey = (companyId: number) => redisKey('glpi', 'dashboard', companyId);
/** MySQL is the truth: the Redis copy may expire or vanish, the next read rebuilds it. */
const ttlSeconds = 24 * 3600;
const warrantyDays = 90;

type Row = Record<string, string | number | null>;
const select = (sql: string, replacements: Record<string, unknown>) => sequelize.query<Row>(sql, { replacements, type: QueryTypes.SELECT });
const n = (value: unknown) => Number(value ?? 0);
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Recomputes a company's figures from the cache tables. */
export async function computeDashboard(companyId: number, now = new Date()): Promise<Dashboard> {
  const live = 'company_id = :companyId AND deleted_at IS NULL';
  const assetsLive = `${live} AND is_template = 0`;
  const months = lastAlgiersMonths(12, now).months;
  const firstMonth = months[0] ?? algiersMonth(now);
  const replacements = {
    companyId,
    today: algiersDate(now),
    horizon: addDays(algiersDate(now), warrantyDays),
    since: sqlUtc(algiersMonthStart(firstMonth)),
    monthStart: sqlUtc(algiersMonthStart(algiersMonth(now))),
  };
  const [
    byTypeState,
    byOs,
    byMaker,
    warrantyCount,
    warrantyItems,
    licenceCounts,
    licenceItems,
    statuses,
    urgencies,
    opened,
    solved,
    means,
    thisMonth,
  ] = await Promise.all([
    select(
      `SELECT itemtype, state, COUNT(*) AS n FROM glpi_assets WHERE ${assetsLive} GROUP BY itemtype, state ORDER BY itemtype, state`,
      replacements,
    ),
    select(
      `SELECT operating_system AS name, COUNT(*) AS n FROM glpi_assets WHERE ${assetsLive} AND itemtype = 'Computer' GROUP BY operating_system ORDER BY n DESC, name`,
      replacements,
    ),
    select(
      `SELECT manufacturer AS name, COUNT(*) AS n FROM glpi_assets WHERE ${assetsLive} AND itemtype = 'Computer' GROUP BY manufacturer ORDER BY n DESC, name`,
      replacements,
    ),
    select(`SELECT COUNT(*) AS n FROM glpi_assets WHERE ${assetsLive} AND warranty_end BETWEEN :today AND :horizon`, replacements),
    select(
      `SELECT itemtype, glpi_id, name, DATE_FORMAT(warranty_end, '%Y-%m-%d') AS d FROM glpi_assets
            WHERE ${assetsLive} AND warranty_end BETWEEN :today AND :horizon ORDER BY warranty_end, glpi_id LIMIT 20`,
      replacements,
    ),
    select(
      `SELECT COUNT(*) AS total, SUM(licence_expires_on BETWEEN :today AND :horizon) AS soon, SUM(licence_expires_on < :today) AS expired
            FROM glpi_assets WHERE ${assetsLive} AND itemtype = 'SoftwareLicense'`,
      replacements,
    ),
    select(
      `SELECT itemtype, glpi_id, name, DATE_FORMAT(licence_expires_on, '%Y-%m-%d') AS d FROM glpi_assets
            WHERE ${assetsLive} AND itemtype = 'SoftwareLicense' AND licence_expires_on BETWEEN :today AND :horizon
            ORDER BY licence_expires_on, glpi_id LIMIT 20`,
      replacements,
    ),
    select(`SELECT status AS k, COUNT(*) AS n FROM glpi_tickets WHERE ${live} GROUP BY status ORDER BY status`, replacements),
    select(`SELECT urgency AS k, COUNT(*) AS n FROM glpi_tickets WHERE ${live} GROUP BY urgency ORDER BY urgency`, replacements),
    select(
      `SELECT DATE_FORMAT(opened_at + INTERVAL 1 HOUR, '%Y-%m') AS m, COUNT(*) AS n FROM glpi_tickets
            WHERE ${live} AND opened_at >= :since GROUP BY m`,
      replacements,
    ),
    select(
      `SELECT DATE_FORMAT(solved_at + INTERVAL 1 HOUR, '%Y-%m') AS m, COUNT(*) AS n FROM glpi_tickets
            WHERE ${live} AND solved_at >= :since GROUP BY m`,
      replacements,
    ),
    select(
      `SELECT AVG(TIMESTAMPDIFF(SECOND, opened_at, solved_at)) AS s FROM glpi_tickets
            WHERE ${live} AND solved_at >= :since AND opened_at IS NOT NULL AND solved_at >= opened_at`,
      replacements,
    ),
    select(`SELECT COUNT(*) AS n FROM glpi_tickets WHERE ${live} AND opened_at >= :monthStart`, replacements),
  ]);
  const typeTotals = new Map<string, number>();
  for (const row of byTypeState) typeTotals.set(String(row.itemtype), (typeTotals.get(String(row.itemtype)) ?? 0) + n(row.n));
  const openedBy = new Map(opened.map((row) => [String(row.m), n(row.n)]));
  const solvedBy = new Map(solved.map((row) => [String(row.m), n(row.n)]));
  const byStatus = statuses.map((row) => ({ status: n(row.k), count: n(row.n) }));
  const meanSeconds = means[0]?.s;
  const licences = licenceCounts[0] ?? {};
  const dueItems = (rows: Row[]) =>
    rows.map((row) => ({ itemtype: String(row.itemtype), glpiId: n(row.glpi_id), name: str(row.name), date: String(row.d) }));
  return {
    companyId,
    computedAt: now.toISOString(),
    assets: {
      total: [...typeTotals.values()].reduce((a, b) => a + b, 0),
      byType: [...typeTotals].map(([itemtype, total]) => ({ itemtype, count: total })),
      byTypeAndState: byTypeState.map((row) => ({ itemtype: String(row.itemtype), state: str(row.state), count: n(row.n) })),
    },
    computers: {
      byOperatingSystem: byOs.map((row) => ({ name: str(row.name), count: n(row.n) })),
      byManufacturer: byMaker.map((row) => ({ name: str(row.name), count: n(row.n) })),
    },
    warranties: { endingWithin90Days: n(warrantyCount[0]?.n), items: dueItems(warrantyItems) },
    licences: {
      total: n(licences.total),
      expiringWithin90Days: n(licences.soon),
      expired: n(licences.expired),
      items: dueItems(licenceItems),
    },
    tickets: {
      total: byStatus.reduce((sum, row) => sum + row.count, 0),
      open: byStatus.filter((row) => row.status < 5).reduce((sum, row) => sum + row.count, 0),
      byStatus,
      byUrgency: urgencies.map((row) => ({ urgency: n(row.k), count: n(row.n) })),
      perMonth: months.map((month) => ({ month, opened: openedBy.get(month) ?? 0, solved: solvedBy.get(month) ?? 0 })),
      meanTimeToSolveHours: meanSeconds === null || meanSeconds === undefined ? null : Math.round((Number(meanSeconds) / 3600) * 10) / 10,
      openedThisMonth: n(thisMonth[0]?.n),
    },
  };
}

export async function writeDashboard(dashboard: Dashboard): Promise<void> {
  await redis().set(dashboardKey(dashboard.companyId), JSON.stringify(dashboard), 'EX', ttlSeconds);
}

/** Recomputes and stores (the sync calls it after each page it writes). */
export async function refreshDashboard(companyId: number): Promise<Dashboard> {
  // Stored for every later request: built from the primary, never from a lagging replica.
  const dashboard = await readFromPrimary(() => computeDashboard(companyId));
  await writeDashboard(dashboard);
  return dashboard;
}

/**
 * The portal's read: the Redis copy, or — after a flush, an eviction or with Redis down — a rebuild
 * from MySQL (stored again when Redis is reachable). Never asks GLPI.
 */
export async function readDashboard(companyId: number): Promise<Dashboard> {
  try {
    const stored = await redis().get(dashboardKey(companyId));
    if (stored) {
      const parsed = dashboardSchema.safeParse(JSON.parse(stored));
      if (parsed.success) return parsed.data;
    }
  } catch (error) {
    logger.warn({ err: error, companyId }, 'dashboard cache unreadable, rebuilding from MySQL');
  }
  // Stored for every later request: built from the primary, never from a lagging replica.
  const dashboard = await readFromPrimary(() => computeDashboard(companyId));
  await writeDashboard(dashboard).catch((error: unknown) => logger.warn({ err: error, companyId }, 'dashboard cache not written'));
  return dashboard;
}
