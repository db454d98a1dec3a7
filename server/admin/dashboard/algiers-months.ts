import { algiersDate, algiersMidnight } from '../../sales/algiers-calendar';

/**
 * The last `count` calendar months in Algiers, oldest first, as YYYY-MM, and the instant the
 * oldest began. Algiers is UTC+1 all year (no daylight saving), which is why SQL may bucket a UTC
 * timestamp by shifting it one hour.
 */
export function lastAlgiersMonths(count: number, now: Date = new Date()) {
  const [year, month] = algiersDate(now).split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const d = new Date(Date.UTC(year, month - 1 - back, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return { months, start: algiersMidnight(`${months[0]}-01`) };
}

/** SQL expression: the Algiers month (YYYY-MM) of a UTC DATETIME column. */
export const algiersMonthSql = (column: string) => `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 1 HOUR), '%Y-%m')`;
