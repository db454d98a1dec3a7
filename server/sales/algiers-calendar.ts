/**
 * Calendar days as Algiers sees them (UTC+1 all year, no daylight saving). Validity dates,
 * subscription periods and reminders are counted in Algiers days, whatever the server's zone:
 * a pro-forma valid "until the 14th" is still valid at 23:30 on the 14th in Algiers.
 */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers', year: 'numeric', month: '2-digit', day: '2-digit' });

export type CalendarDate = string; // YYYY-MM-DD

export function algiersDate(instant: Date = new Date()): CalendarDate {
  return dayFormat.format(instant);
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
