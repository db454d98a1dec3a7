import { Op } from 'sequelize';
import { Service, Subscription } from '../db/models';
import { algiersDate, daysBetween } from '../sales/algiers-calendar';

/**
 * A company's subscription as its home shows it: the one covering now, with the end of the
 * paid-for period (a renewal already activated extends it) and the days left.
 */
export async function companySubscription(companyId: number, now = new Date()) {
  const current = await Subscription.findOne({
    where: { companyId, startAt: { [Op.lte]: now }, endAt: { [Op.gt]: now } },
    include: [{ model: Service, as: 'service' }],
    order: [['endAt', 'DESC']],
  });
  if (!current) return null;
  const service = (current as Subscription & { service: Service }).service;
  // Renewals start where the previous period ends: follow the chain to the last paid day.
  let paidUntil = current.endAt;
  for (;;) {
    const next = await Subscription.findOne({ where: { companyId, serviceId: current.serviceId, startAt: { [Op.lte]: paidUntil }, endAt: { [Op.gt]: paidUntil } } });
    if (!next) break;
    paidUntil = next.endAt;
  }
  return {
    id: current.id,
    service: { code: service.code, nameFr: service.nameFr, nameEn: service.nameEn, pricedBy: service.pricedBy },
    tierMaxQty: current.tierMaxQty,
    months: current.months,
    startAt: current.startAt,
    endAt: paidUntil,
    daysLeft: Math.max(0, daysBetween(algiersDate(now), algiersDate(paidUntil))),
  };
}
