import type { Subscription } from '../db/models';

/** Where a company stands, derived from its subscriptions' dates (never a stored flag). */
export const companySubscriptionStates = ['active', 'upcoming', 'ended', 'none'] as const;
export type CompanySubscriptionState = (typeof companySubscriptionStates)[number];

/** One subscription period against now: running (start ≤ now < end), not started yet, or over. */
export function subscriptionStateOf(
  subscription: Pick<Subscription, 'startAt' | 'endAt'>,
  now: Date,
): Exclude<CompanySubscriptionState, 'none'> {
  if (subscription.startAt.getTime() > now.getTime()) return 'upcoming';
  return subscription.endAt.getTime() > now.getTime() ? 'active' : 'ended';
}
