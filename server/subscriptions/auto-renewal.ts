import { Op } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { PriceTier, Service, Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { formatDateDz } from '../documents/pdf-format';
import { AppError } from '../errors';
import { logger } from '../logger';
import { addMonths, algiersDate } from '../calendar/algiers-calendar';
import type { Actor } from '../sales/billing-links';
import { lineTotalCents } from '../sales/documents/document-amounts';
import { recordId } from '../validation/fields';
import { lockSubscription } from './lock-subscription';
import { issueSubscriptionProforma } from './subscription-proforma';

/** How long before the end the worker issues the renewal pro-forma: the client's usual payment delay. */
export const RENEWAL_NOTICE_DAYS = 30;

export const setAutoRenewInput = z.object({ subscriptionId: recordId, autoRenew: z.boolean() });

/** Opt in or out of automatic renewal; a subscription cancelled at term or replaced renews no more. */
export async function setAutoRenew(input: z.output<typeof setAutoRenewInput>, companyId: number | null, actor: Actor) {
  return sequelize.transaction(async (transaction) => {
    const subscription = await lockSubscription(input.subscriptionId, companyId, transaction);
    if (subscription.status !== 'active')
      throw new AppError('ILLEGAL_TRANSITION', 'errors.subscriptionChanges.notRenewable', { params: { status: subscription.status } });
    if (subscription.autoRenew !== input.autoRenew) {
      await subscription.update({ autoRenew: input.autoRenew }, { transaction });
      await recordAudit(
        {
          actorUserId: actor.userId,
          action: 'subscription.autoRenew',
          recordType: 'subscription',
          recordId: subscription.id,
          details: { autoRenew: input.autoRenew },
          ip: actor.ip,
        },
        transaction,
      );
    }
    return { id: subscription.id, autoRenew: input.autoRenew };
  });
}

/**
 * Scheduled daily (and at worker start): for each subscription that renews automatically and ends
 * within 30 days, one renewal pro-forma at the tier's current catalog price, for the same tier and
 * duration. Exactly once, even when two workers run it together: the subscription row is locked
 * and `renewal_proforma_id` set in the pro-forma's transaction. A period already followed by
 * another (renewed, or re-tiered) gets none.
 */
export async function issueRenewalProformas(now = new Date()): Promise<{ issued: number }> {
  const candidates = await Subscription.findAll({
    where: {
      autoRenew: true,
      status: 'active',
      renewalProformaId: null,
      endAt: { [Op.gt]: now, [Op.lte]: new Date(now.getTime() + (RENEWAL_NOTICE_DAYS + 1) * 86_400_000) },
    },
    attributes: ['id'],
  });
  let issued = 0;
  for (const { id } of candidates) {
    try {
      if (await issueRenewalProforma(id, now)) issued += 1;
    } catch (error) {
      logger.error({ err: error, subscriptionId: id }, 'renewal pro-forma not issued');
    }
  }
  return { issued };
}

async function issueRenewalProforma(subscriptionId: number, now: Date): Promise<boolean> {
  return sequelize.transaction(async (transaction) => {
    const subscription = await lockSubscription(subscriptionId, null, transaction);
    const daysLeft = (subscription.endAt.getTime() - now.getTime()) / 86_400_000;
    if (
      !subscription.autoRenew ||
      subscription.status !== 'active' ||
      subscription.renewalProformaId !== null ||
      daysLeft > RENEWAL_NOTICE_DAYS ||
      daysLeft <= 0
    )
      return false;
    const followed = await Subscription.count({
      where: {
        companyId: subscription.companyId,
        serviceId: subscription.serviceId,
        id: { [Op.ne]: subscription.id },
        startAt: { [Op.lte]: subscription.endAt },
        endAt: { [Op.gt]: subscription.endAt },
      },
      transaction,
    });
    if (followed > 0) return false;
    const service = await Service.findByPk(subscription.serviceId, { transaction, rejectOnEmpty: true });
    const tier = await PriceTier.findOne({ where: { serviceId: service.id, maxQty: subscription.tierMaxQty }, transaction });
    const unitPriceCents = (tier?.monthlyPriceDa ?? subscription.monthlyPriceDa) * 100;
    const from = algiersDate(subscription.endAt);
    const description = `${service.nameFr} — palier jusqu’à ${subscription.tierMaxQty}, renouvellement du ${formatDateDz(subscription.endAt)} au ${formatDateDz(new Date(`${addMonths(from, subscription.months)}T00:00:00+01:00`))}, abonnement mensuel`;
    const proforma = await issueSubscriptionProforma(
      subscription,
      {
        purpose: 'renewal',
        tierMaxQty: subscription.tierMaxQty,
        lines: [
          {
            description,
            quantity: subscription.months,
            unitPriceCents,
            discountPercent: 0,
            totalCents: lineTotalCents(subscription.months, unitPriceCents, 0),
          },
        ],
        // The offer stands until the day the period ends: answered later, the service has already stopped.
        validUntil: from,
        effectiveOn: null,
      },
      null,
      transaction,
    );
    await subscription.update({ renewalProformaId: proforma.id }, { transaction });
    return true;
  });
}
