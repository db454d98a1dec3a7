import { Op } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { findTier, pricingQuantity } from '../catalog/tier-pricing';
import { CreditNote, Invoice, PriceTier, Proforma, QuoteRequest, Service, Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { formatDateDz } from '../documents/pdf-format';
import { AppError, notFound } from '../errors';
import { addJob } from '../jobs/queues';
import { rowJobId } from '../jobs/queue-work';
import { logger } from '../logger';
import { companyUserIds, notifyUsers } from '../notifications/notify';
import { addMonths, algiersDate, algiersMidnight } from '../calendar/algiers-calendar';
import { absoluteUrl, billingLinks, type Actor } from '../sales/billing-links';
import { recordId } from '../validation/fields';
import { applyTierChange } from './change-tier';
import { lockSubscription } from './lock-subscription';

export const activateSubscriptionInput = z.object({
  invoiceId: recordId,
  /** First day (Algiers calendar); default today. Ignored for a renewal, which follows the current end. */
  startDate: z.iso.date('validation.billing.date').optional(),
});

/**
 * A commercial starts the subscription an invoice pays for: the service and duration of its
 * pro-forma (months from the quote). A company that still has a running subscription of the same
 * service renews: the new period starts when the current one ends, so no day is lost or paid
 * twice. The client is then provisioned in GLPI by the worker (provision-client queue). The
 * invoice of a tier change's pro-forma changes the subscription it names instead (change-tier.ts).
 */
export async function activateSubscription(input: z.output<typeof activateSubscriptionInput>, actor: Actor) {
  const today = algiersDate();
  if (input.startDate && input.startDate < today) throw new AppError('BAD_INPUT', 'validation.billing.notInPast', { field: 'startDate' });

  const subscription = await sequelize.transaction(async (transaction) => {
    const invoice = await Invoice.findByPk(input.invoiceId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!invoice) throw notFound();
    if (await CreditNote.count({ where: { invoiceId: invoice.id }, transaction })) {
      throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.invoiceCredited', { params: { number: invoice.number } });
    }
    const already = await Subscription.findOne({ where: { invoiceId: invoice.id }, transaction });
    if (already) throw new AppError('CONFLICT', 'errors.billing.subscriptionAlreadyActivated', { params: { number: invoice.number } });

    // Locked: two invoices of one pro-forma activated at once would both see no period yet.
    const proforma = await Proforma.findByPk(invoice.proformaId, { transaction, rejectOnEmpty: true, lock: transaction.LOCK.UPDATE });
    // One pro-forma pays for one period, ever: another invoice of it may not start a second one.
    const siblings = await Invoice.findAll({ where: { proformaId: proforma.id }, attributes: ['id', 'number'], transaction });
    const served = await Subscription.findOne({ where: { invoiceId: { [Op.in]: siblings.map((i) => i.id) } }, transaction });
    if (served) {
      const paidBy = siblings.find((i) => i.id === served.invoiceId)!;
      throw new AppError('CONFLICT', 'errors.billing.proformaSaleCancelled', {
        params: { number: proforma.number, invoice: paidBy.number },
      });
    }
    if (proforma.purpose === 'tier_change') {
      const target = await lockSubscription(proforma.subscriptionId!, invoice.companyId, transaction);
      const tier = await PriceTier.findOne({
        where: { serviceId: target.serviceId, maxQty: proforma.tierMaxQty! },
        transaction,
        rejectOnEmpty: true,
      });
      const change = {
        tierMaxQty: tier.maxQty,
        monthlyPriceDa: tier.monthlyPriceDa,
        effectiveOn: proforma.effectiveOn!,
        invoiceId: invoice.id,
      };
      return { created: await applyTierChange(target, change, actor, transaction), renewal: false };
    }
    const quote = await QuoteRequest.findByPk(proforma.quoteRequestId, { transaction });
    const service = await Service.findByPk(proforma.serviceId, {
      include: [{ model: PriceTier, as: 'tiers' }],
      transaction,
      rejectOnEmpty: true,
    });
    const months = proforma.months;
    // What the client bought: the tier's ceiling, or the quoted quantity above the top tier.
    const quantity = quote ? pricingQuantity(service.pricedBy, quote) : 0;
    const tierMaxQty = proforma.tierMaxQty ?? findTier(service.tiers ?? [], quantity)?.maxQty ?? quantity;

    // Serializes renewals of one company: the row lock on the running subscription, if any.
    const running = await Subscription.findOne({
      where: { companyId: invoice.companyId, serviceId: service.id, endAt: { [Op.gt]: new Date() } },
      order: [['endAt', 'DESC']],
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    const startAt = running ? running.endAt : algiersMidnight(input.startDate ?? today);
    const endAt = algiersMidnight(addMonths(algiersDate(startAt), months));
    const created = await Subscription.create(
      {
        companyId: invoice.companyId,
        serviceId: service.id,
        tierMaxQty,
        monthlyPriceDa: Math.round(Number(invoice.totalExclTaxCents) / 100 / months),
        months,
        startAt,
        endAt,
        invoiceId: invoice.id,
        quoteRequestId: proforma.quoteRequestId,
        // A renewal keeps the client's choice of renewing automatically.
        autoRenew: running?.autoRenew ?? false,
      },
      { transaction },
    );
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: running ? 'subscription.renew' : 'subscription.activate',
        recordType: 'subscription',
        recordId: created.id,
        details: { invoice: invoice.number, service: service.code, months, startAt, endAt, renewedSubscriptionId: running?.id ?? null },
        ip: actor.ip,
      },
      transaction,
    );
    const params = { service: service.nameFr, start: formatDateDz(startAt), end: formatDateDz(endAt) };
    await notifyUsers(
      {
        userIds: await companyUserIds(invoice.companyId, transaction),
        kind: running ? 'subscriptionRenewed' : 'subscriptionActivated',
        params,
        link: billingLinks.portal(),
        mail: { template: 'subscription-activated', params: { ...params, url: absoluteUrl(billingLinks.portal()) } },
      },
      transaction,
    );
    transaction.afterCommit(async () => {
      try {
        // The subscription's id and creation stamp: a reset database's subscription of the same id is other work.
        await addJob('provision-client', { companyId: created.companyId }, { jobId: rowJobId('provision', created.id, created.createdAt) });
      } catch (error) {
        logger.error({ err: error, subscriptionId: created.id }, 'provision-client job not queued');
      }
    });
    return { created, renewal: running !== null };
  });
  const { created, renewal } = subscription;
  return { id: created.id, startAt: created.startAt, endAt: created.endAt, months: created.months, renewal };
}
