import { Op } from 'sequelize';
import { Subscription } from '../db/models';

/** A company is a super-client while one of its subscriptions covers now (start ≤ now < end): derived, never stored. */
export async function isSuperClient(companyId: number, now = new Date()): Promise<boolean> {
  const count = await Subscription.count({
    where: { companyId, startAt: { [Op.lte]: now }, endAt: { [Op.gt]: now } },
  });
  return count > 0;
}
