import { z } from 'zod';
import { algiersDate, algiersMonth, algiersMonthStart, lastAlgiersMonths } from '../calendar/algiers-calendar';

/** A report's month, `YYYY-MM` (Algiers calendar), as procedures and jobs accept it. */
export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.choice');

/** The month before the one containing `now` (Algiers): what the run of the 1st reports on. */
export function previousMonth(now = new Date()): string {
  return algiersMonth(new Date(algiersMonthStart(algiersMonth(now), -1).getTime() + 3600_000));
}

/** The instants a month spans, [start, end), and the months before it for trends. */
export function monthBounds(month: string) {
  const start = algiersMonthStart(month);
  const end = algiersMonthStart(month, 1);
  return { start, end, firstDayAfter: algiersDate(end) };
}

/** `count` months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  return lastAlgiersMonths(count, new Date(algiersMonthStart(month).getTime() + 3600_000)).months;
}

/** Whether the month has ended by `now` (a report of the running month would change under it). */
export function monthIsOver(month: string, now = new Date()): boolean {
  return monthBounds(month).end.getTime() <= now.getTime();
}
