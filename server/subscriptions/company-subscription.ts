import { Op } from 'sequelize';
import { PriceTier, Proforma, Service, Subscription } from '../db/models';
import { algiersDate, daysBetween } from '../calendar/algiers-calendar';

/**
 * A company's subscription as its home shows it: the one covering now, with the end of the
 * paid-for period (a renewal already activated, or the new tier of a change, extends it) and the
 * days left; and what the client may change: the tier of the current period (`id`, until
 * `periodEndAt`), and renewal or cancellation at term on the last period of the chain (`last`).
 */
export async function companySubscription(companyId: number, now = new Date()) {
  const current = await Subscription.findOne({
    where: { companyId, startAt: { [Op.lte]: now }, endAt: { [Op.gt]: now } },
    include: [{ model: Service, as: 'service' }],
    order: [['endAt', 'DESC']],
  });
  if (!current) return null;
  const service = (current as Subscription & { service: Service }).service;
  // Renewals and tier changes start where the previous period ends: follow the chain to the last paid day.
  let last = current;
  for (;;) {
    const next = await Subscription.findOne({
      where: { companyId, serviceId: current.serviceId, startAt: { [Op.lte]: last.endAt }, endAt: { [Op.gt]: last.endAt } },
    });
    if (!next) break;
    last = next;
  }
  const following =
    current.status === 'replaced'
      ? await Subscription.findOne({
          where: { companyId, serviceId: current.serviceId, startAt: current.endAt, status: { [Op.ne]: 'cancelled' } },
        })
      : null;
  const [tiers, pendingChange] = await Promise.all([
    PriceTier.findAll({ where: { serviceId: service.id }, order: [['minQty', 'ASC']] }),
    Proforma.findOne({
      where: { subscriptionId: current.id, purpose: 'tier_change', status: ['pending', 'accepted'] },
      order: [['id', 'DESC']],
    }),
  ]);
  return {
    id: current.id,
    status: current.status,
    service: { code: service.code, nameFr: service.nameFr, nameEn: service.nameEn, nameAr: service.nameAr, pricedBy: service.pricedBy },
    tierMaxQty: current.tierMaxQty,
    monthlyPriceDa: current.monthlyPriceDa,
    months: current.months,
    startAt: current.startAt,
    /** The end of the current period: the last day a tier change may start is the day before. */
    periodEndAt: current.endAt,
    endAt: last.endAt,
    daysLeft: Math.max(0, daysBetween(algiersDate(now), algiersDate(last.endAt))),
    last: { id: last.id, status: last.status, autoRenew: last.autoRenew },
    scheduledChange: following ? { tierMaxQty: following.tierMaxQty, startAt: following.startAt } : null,
    pendingChange: pendingChange ? { id: pendingChange.id, number: pendingChange.number } : null,
    tiers: tiers.map((t) => ({ minQty: t.minQty, maxQty: t.maxQty, monthlyPriceDa: t.monthlyPriceDa })),
  };
}
