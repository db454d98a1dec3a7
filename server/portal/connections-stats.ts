import { QueryTypes } from 'sequelize';
import { sequelize } from '../db/sequelize';
import { addDays, algiersDate, sqlUtc } from '../calendar/algiers-calendar';

const days = 30;
const weeks = 12;

/** Monday of the Algiers week containing `day` (YYYY-MM-DD). */
function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * Log-ins of the company's users per day (last 30 days) and per week (last 12 weeks, Monday
 * first), counted in Africa/Algiers (UTC+1 all year), with the days and weeks without any.
 */
export async function connectionsStats(companyId: number, now = new Date()) {
  const today = algiersDate(now);
  const firstWeek = mondayOf(addDays(algiersDate(now), -7 * (weeks - 1)));
  const since = new Date(Date.parse(`${firstWeek}T00:00:00Z`) - 3_600_000);
  const rows = await sequelize.query<{ d: string; n: number; u: number }>(
    `SELECT DATE_FORMAT(created_at + INTERVAL 1 HOUR, '%Y-%m-%d') AS d, COUNT(*) AS n, COUNT(DISTINCT user_id) AS u
     FROM login_events WHERE company_id = :companyId AND created_at >= :since GROUP BY d`,
    { replacements: { companyId, since: sqlUtc(since) }, type: QueryTypes.SELECT },
  );
  const byDay = new Map(rows.map((row) => [String(row.d), Number(row.n)]));
  const perDay = Array.from({ length: days }, (_, index) => {
    const day = addDays(algiersDate(now), index - days + 1);
    return { day, count: byDay.get(day) ?? 0 };
  });
  const byWeek = new Map<string, number>();
  for (const [day, count] of byDay) byWeek.set(mondayOf(day), (byWeek.get(mondayOf(day)) ?? 0) + count);
  const perWeek = Array.from({ length: weeks }, (_, index) => {
    const week = mondayOf(addDays(algiersDate(now), 7 * (index - weeks + 1)));
    return { week, count: byWeek.get(week) ?? 0 };
  });
  return { today, perDay, perWeek, last30Days: perDay.reduce((sum, row) => sum + row.count, 0) };
}
