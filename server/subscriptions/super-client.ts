import { localCache } from '../cache/local-cache';
import { Subscription } from '../db/models';

/**
 * Each company's subscription periods, kept in this process: asked on every portal request,
 * changed a few times a year (a company has a handful of rows). Writes to subscriptions drop the
 * entry (the model's hooks); the periods themselves say when a subscription starts or ends, so
 * time alone never makes it stale, and any "now" (a test's, a report's) is answered from them.
 */
const periods = localCache<number, Array<{ startAt: number; endAt: number }>>({
  ttlMs: 60_000,
  maxEntries: 20_000,
  load: async (companyId) => {
    const rows = await Subscription.findAll({ where: { companyId }, attributes: ['startAt', 'endAt'], raw: true });
    return rows.map((row) => ({ startAt: new Date(row.startAt).getTime(), endAt: new Date(row.endAt).getTime() }));
  },
  matches: (message, companyId) => message.topic === 'company' && message.id === companyId,
});

/** A company is a super-client while one of its subscriptions covers now (start ≤ now < end): derived, never stored. */
export async function isSuperClient(companyId: number, now = new Date()): Promise<boolean> {
  const at = now.getTime();
  return (await periods.get(companyId)).some((period) => period.startAt <= at && at < period.endAt);
}
