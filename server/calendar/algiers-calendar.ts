/**
 * The calendar as Algiers sees it: days and months. Africa/Algiers is UTC+1 all year (no daylight
 * saving since 1981), so its calendar is UTC shifted by one hour, whatever the server's zone.
 * Validity dates, subscription periods, reminders, quotas and every per-month figure count in it:
 * a pro-forma valid "until the 14th" is still valid at 23:30 on the 14th in Algiers.
 */
const algiersOffsetMs = 60 * 60 * 1000;

export type CalendarDate = string; // YYYY-MM-DD

/** `YYYY-MM-DD` of an instant, in Algiers. */
export function algiersDate(instant: Date = new Date()): CalendarDate {
  return new Date(instant.getTime() + algiersOffsetMs).toISOString().slice(0, 10);
}

/** The instant Algiers' day `date` starts. */
export function algiersMidnight(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00+01:00`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole Algiers days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** `YYYY-MM` of an instant, in Algiers. */
export function algiersMonth(at: Date): string {
  return algiersDate(at).slice(0, 7);
}

/** The instant a month (`YYYY-MM`, Algiers) begins, `delta` months from `month`. */
export function algiersMonthStart(month: string, delta = 0): Date {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + delta, 1) - algiersOffsetMs);
}

/** The last `count` months up to the one containing `now`, oldest first (YYYY-MM), and the instant the oldest began. */
export function lastAlgiersMonths(count: number, now: Date = new Date()) {
  const current = algiersMonth(now);
  const months = Array.from({ length: count }, (_, index) =>
    algiersMonth(new Date(algiersMonthStart(current, index - count + 1).getTime() + algiersOffsetMs)),
  );
  return { months, start: algiersMonthStart(current, 1 - count) };
}

/** SQL expression: the Algiers month (YYYY-MM) of a UTC DATETIME column. */
export const algiersMonthSql = (column: string) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 1 HOUR), '%Y-%m')`;

/** `YYYY-MM-DD HH:MM:SS` UTC text for SQL comparisons on DATETIME columns stored in UTC. */
export function sqlUtc(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
