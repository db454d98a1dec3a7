/**
 * Africa/Algiers is UTC+1 all year (no daylight saving since 1981), so its calendar is UTC shifted
 * by one hour: month boundaries computed here match what the portal shows.
 */
export const algiersOffsetMs = 60 * 60 * 1000;

/** `YYYY-MM` of an instant, in Algiers. */
export function algiersMonth(at: Date): string {
  return new Date(at.getTime() + algiersOffsetMs).toISOString().slice(0, 7);
}

/** The UTC instant at which a month (`YYYY-MM`, Algiers) begins, `delta` months from `month`. */
export function algiersMonthStart(month: string, delta = 0): Date {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + delta, 1) - algiersOffsetMs);
}

/** The last `count` months up to the one containing `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const current = algiersMonth(now);
  return Array.from({ length: count }, (_, index) => algiersMonth(new Date(algiersMonthStart(current, index - count + 1).getTime() + algiersOffsetMs)));
}

/** Today's date in Algiers, `YYYY-MM-DD`, `deltaDays` from today. */
export function algiersDay(now: Date, deltaDays = 0): string {
  return new Date(now.getTime() + algiersOffsetMs + deltaDays * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` UTC text for SQL comparisons on DATETIME columns stored in UTC. */
export function sqlUtc(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
