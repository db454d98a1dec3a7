import { algiersDate, daysBetween, type CalendarDate } from '../calendar/algiers-calendar';

/**
 * What a change of tier costs for the rest of the period it changes: the difference of the two
 * monthly prices over the whole period (its months), times the share of the period's days left
 * from the effective day to the end. Counted in Algiers days and rounded once, to the centime.
 * Positive for an upgrade (billed on a pro-forma), negative for a downgrade (decision 101).
 */
export function prorateTierChange(input: {
  startAt: Date;
  endAt: Date;
  months: number;
  currentMonthlyDa: number;
  newMonthlyDa: number;
  effectiveOn: CalendarDate;
}) {
  const daysInPeriod = daysBetween(algiersDate(input.startAt), algiersDate(input.endAt));
  const daysLeft = daysBetween(input.effectiveOn, algiersDate(input.endAt));
  const differenceCents = (input.newMonthlyDa - input.currentMonthlyDa) * 100 * input.months;
  const amountExclTaxCents = Math.round((differenceCents * daysLeft) / daysInPeriod);
  return { daysInPeriod, daysLeft, amountExclTaxCents };
}
