import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { proformaValidityDays } from '../catalog/catalog-data';
import { PriceTier, Proforma, Service, Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { formatAmountDa, formatDateDz } from '../documents/pdf-format';
import { AppError } from '../errors';
import { applyTransition } from '../sales/apply-transition';
import { addDays, algiersDate, algiersMidnight, type CalendarDate } from '../calendar/algiers-calendar';
import { absoluteUrl, billingLinks, type Actor } from '../sales/billing-links';
import { recordId } from '../validation/fields';
import { lockSubscription } from './lock-subscription';
import { issueSubscriptionProforma } from './subscription-proforma';
import { prorateTierChange } from './tier-change-proration';

export const changeTierInput = z.object({
  subscriptionId: recordId,
  tierMaxQty: z.number({ error: 'validation.subscriptionChanges.tier' }).int().min(1, 'validation.subscriptionChanges.tier'),
  /** The first day of the new tier (Algiers calendar). */
  effectiveOn: z.iso.date('validation.billing.date'),
});

/**
 * The client (their company's subscription) or staff (`companyId` null) change the tier of the
 * running period from a chosen day to its end. An upgrade is sold on a pro-forma for the
 * prorated difference and takes effect when its invoice is activated; a downgrade takes effect
 * now, for the chosen day, and what was paid is not given back (decision 101).
 */
export async function changeTier(input: z.output<typeof changeTierInput>, companyId: number | null, actor: Actor) {
  const today = algiersDate();
  return sequelize.transaction(async (transaction) => {
    const subscription = await lockSubscription(input.subscriptionId, companyId, transaction);
    if (subscription.status !== 'active') {
      throw new AppError('ILLEGAL_TRANSITION', `errors.illegalTransition.subscription`, {
        params: { from: subscription.status, to: 'replaced' },
      });
    }
    const now = new Date();
    if (subscription.startAt > now || subscription.endAt <= now) throw new AppError('CONFLICT', 'errors.subscriptionChanges.notRunning');
    if (input.effectiveOn < today || input.effectiveOn >= algiersDate(subscription.endAt)) {
      throw new AppError('BAD_INPUT', 'validation.subscriptionChanges.effectiveOn', {
        field: 'effectiveOn',
        params: { end: formatDateDz(subscription.endAt) },
      });
    }
    if (input.tierMaxQty === subscription.tierMaxQty)
      throw new AppError('BAD_INPUT', 'validation.subscriptionChanges.sameTier', { field: 'tierMaxQty' });
    const tier = await PriceTier.findOne({ where: { serviceId: subscription.serviceId, maxQty: input.tierMaxQty }, transaction });
    if (!tier) throw new AppError('BAD_INPUT', 'validation.subscriptionChanges.tier', { field: 'tierMaxQty' });
    const open = await Proforma.count({
      where: { subscriptionId: subscription.id, purpose: 'tier_change', status: ['pending', 'accepted'] },
      transaction,
    });
    if (open > 0) throw new AppError('CONFLICT', 'errors.subscriptionChanges.changePending');

    const proration = prorateTierChange({
      startAt: subscription.startAt,
      endAt: subscription.endAt,
      months: subscription.months,
      currentMonthlyDa: subscription.monthlyPriceDa,
      newMonthlyDa: tier.monthlyPriceDa,
      effectiveOn: input.effectiveOn,
    });
    const service = await Service.findByPk(subscription.serviceId, { transaction, rejectOnEmpty: true });
    if (proration.amountExclTaxCents <= 0) {
      await applyTierChange(
        subscription,
        { tierMaxQty: tier.maxQty, monthlyPriceDa: tier.monthlyPriceDa, effectiveOn: input.effectiveOn, invoiceId: subscription.invoiceId },
        actor,
        transaction,
      );
      return {
        kind: 'applied' as const,
        subscriptionId: subscription.id,
        amountExclTaxCents: proration.amountExclTaxCents,
        proforma: null,
      };
    }
    const end = formatDateDz(subscription.endAt);
    const description =
      `${service.nameFr} — changement de palier (jusqu’à ${subscription.tierMaxQty} → jusqu’à ${tier.maxQty}) du ${formatDateDz(algiersMidnight(input.effectiveOn))} au ${end} : ` +
      `différence de ${formatAmountDa(tier.monthlyPriceDa - subscription.monthlyPriceDa)} par mois sur ${subscription.months} mois, au prorata de ${proration.daysLeft} jours sur ${proration.daysInPeriod}`;
    const proforma = await issueSubscriptionProforma(
      subscription,
      {
        purpose: 'tier_change',
        tierMaxQty: tier.maxQty,
        lines: [
          {
            description: description.slice(0, 300),
            quantity: 1,
            unitPriceCents: proration.amountExclTaxCents,
            discountPercent: 0,
            totalCents: proration.amountExclTaxCents,
          },
        ],
        validUntil: addDays(today, proformaValidityDays),
        effectiveOn: input.effectiveOn,
      },
      actor,
      transaction,
    );
    return {
      kind: 'proforma' as const,
      subscriptionId: subscription.id,
      amountExclTaxCents: proration.amountExclTaxCents,
      proforma: { id: proforma.id, number: proforma.number },
    };
  });
}

/**
 * The period is cut at the effective day and a new one at the new tier runs from it to the old
 * end: the old row is `replaced`, the new one carries the renewal choice and the invoice that pays
 * for it (the original one for a downgrade, which is the same sale re-tiered). Cached periods and
 * the super-client rule see no gap: one ends where the other starts.
 */
export async function applyTierChange(
  subscription: Subscription,
  change: { tierMaxQty: number; monthlyPriceDa: number; effectiveOn: CalendarDate; invoiceId: number | null },
  actor: Actor | null,
  transaction: Transaction,
) {
  const effectiveAt = algiersMidnight(change.effectiveOn);
  const endAt = subscription.endAt;
  const service = await Service.findByPk(subscription.serviceId, { transaction, rejectOnEmpty: true });
  const params = { service: service.nameFr, tier: change.tierMaxQty, start: formatDateDz(effectiveAt), end: formatDateDz(endAt) };
  await applyTransition(
    {
      machine: 'subscription',
      record: subscription,
      to: 'replaced',
      changes: { endAt: effectiveAt },
      audit: {
        action: 'subscription.changeTier',
        details: { fromTier: subscription.tierMaxQty, toTier: change.tierMaxQty, effectiveOn: change.effectiveOn, previousEndAt: endAt },
      },
      notify: [
        {
          to: 'company',
          kind: 'subscriptionTierChanged',
          params,
          link: billingLinks.portal(),
          mail: { template: 'subscription-tier-changed', params: { ...params, url: absoluteUrl(billingLinks.portal()) } },
        },
        { to: 'staff', kind: 'subscriptionTierChangedStaff', params, link: billingLinks.staffCompany(subscription.companyId) },
      ],
    },
    actor,
    transaction,
  );
  return Subscription.create(
    {
      companyId: subscription.companyId,
      serviceId: subscription.serviceId,
      tierMaxQty: change.tierMaxQty,
      monthlyPriceDa: change.monthlyPriceDa,
      months: subscription.months,
      startAt: effectiveAt,
      endAt,
      invoiceId: change.invoiceId,
      quoteRequestId: subscription.quoteRequestId,
      autoRenew: subscription.autoRenew,
    },
    { transaction },
  );
}
