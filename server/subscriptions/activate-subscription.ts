import { Op } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { findTier, pricingQuantity } from '../catalog/tier-pricing';
import { CreditNote, Invoice, PriceTier, Proforma, QuoteRequest, Service, Subscription } from '../db/models';
import { sequelize } from '../db/sequelize';
import { formatDateDz } from '../documents/pdf-format';
import { AppError, notFound } from '../errors';
import { addJob } from '../jobs/queues';
import { logger } from '../logger';
import { companyUserIds, notifyUsers } from '../notifications/notify';
import { addMonths, algiersDate, algiersMidnight } from '../sales/algiers-calendar';
import { absoluteUrl, billingLinks, type Actor } from '../sales/billing-links';

export const activateSubscriptionInput = z.object({
  invoiceId: z.number().int().positive(),
  /** First day (Algiers calendar); default today. Ignored for a renewal, which follows the current end. */
  startDate: z.iso.date('validation.billing.date').optional(),
});

/**
 * A commercial starts the subscription an invoice pays for: the service and duration of its
 * pro-forma (months from the quote). A company that still has a running subscription of the same
 * service renews: the new period starts when the current one ends, so no day is lost or paid
 * twice. The client is then provisioned in GLPI by the worker (provision-client queue).
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

    const proforma = await Proforma.findByPk(invoice.proformaId, { transaction, rejectOnEmpty: true });
    const quote = await QuoteRequest.findByPk(proforma.quoteRequestId, { transaction });
    const service = await Service.findByPk(proforma.serviceId, { include: [{ model: PriceTier, as: 'tiers' }], transaction, rejectOnEmpty: true });
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
        await addJob('provision-client', { companyId: created.companyId }, { jobId: `provision-${created.companyId}-${created.id}` });
      } catch (error) {
        logger.error({ err: error, subscriptionId: created.id }, 'provision-client job not queued');
      }
    });
    return { created, renewal: running !== null };
  });
  const { created, renewal } = subscription;
  return { id: created.id, startAt: created.startAt, endAt: created.endAt, months: created.months, renewal };
}
