import { z } from 'zod';
import { sequelize } from '../../db/sequelize';
import { recordAudit } from '../../audit/record-audit';
import { proformaValidityDays, vatRatePercent } from '../../catalog/catalog-data';
import { findTier, pricingQuantity } from '../../catalog/tier-pricing';
import { PriceTier, Proforma, QuoteRequest, Service } from '../../db/models';
import { AppError, notFound } from '../../errors';
import { companyUserIds, notifyUsers } from '../../notifications/notify';
import { addDays, algiersDate } from '../../calendar/algiers-calendar';
import { applyTransition } from '../apply-transition';
import { billingLinks, type Actor } from '../billing-links';
import { queueDocumentDelivery } from '../documents/document-delivery-queue';
import { documentTotals, lineInputSchema, toLine } from '../documents/document-amounts';
import { takeDocumentNumber } from '../documents/document-number';
import { recordId } from '../../validation/fields';

export const issueProformaInput = z.object({
  quoteRequestId: recordId,
  lines: z.array(lineInputSchema).min(1).max(10),
  /** YYYY-MM-DD, Algiers calendar; default: the catalog's validity (30 days). */
  validUntil: z.iso.date('validation.billing.date').optional(),
});
export type IssueProformaInput = z.output<typeof issueProformaInput>;

/**
 * A commercial issues a pro-forma for a quote request: PF-YYYY-NNNN, totals in centimes, VAT
 * from the catalog, the quote moves to proforma_sent. The PDF and the e-mail that carries it are
 * made by the worker once this is committed (documents queue).
 */
export async function issueProforma(input: IssueProformaInput, actor: Actor) {
  const today = algiersDate();
  const validUntil = input.validUntil ?? addDays(today, proformaValidityDays);
  if (validUntil < today || validUntil > addDays(today, 366)) {
    throw new AppError('BAD_INPUT', 'validation.billing.validUntil', { field: 'validUntil' });
  }
  const lines = input.lines.map(toLine);
  const totals = documentTotals(lines, vatRatePercent);

  const proforma = await sequelize.transaction(async (transaction) => {
    const quote = await QuoteRequest.findByPk(input.quoteRequestId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!quote) throw notFound();
    // The request moves first, so one the pipeline closed is refused as such before any other
    // check; the pro-forma's audit row below tells the step (issuing a document is its creation).
    await applyTransition({ machine: 'quote', record: quote, to: 'proforma_sent' }, actor, transaction);
    // One open offer per request: a new one follows a refused or expired one, never a live one.
    const open = await Proforma.count({ where: { quoteRequestId: quote.id, status: ['pending', 'accepted'] }, transaction });
    if (open > 0) throw new AppError('CONFLICT', 'errors.billing.proformaAlreadyOpen');

    const service = await Service.findByPk(quote.serviceId, { include: [{ model: PriceTier, as: 'tiers' }], transaction });
    const tier = service ? findTier(service.tiers ?? [], pricingQuantity(service.pricedBy, quote)) : null;

    const created = await Proforma.create(
      {
        number: await takeDocumentNumber('proforma', transaction),
        quoteRequestId: quote.id,
        companyId: quote.companyId,
        issuedByUserId: actor.userId,
        serviceId: quote.serviceId,
        tierMaxQty: tier?.maxQty ?? null,
        months: quote.durationMonths,
        lines,
        ...totals,
        validUntil,
        paymentMethod: null,
        refusalReason: null,
        acceptedAt: null,
        refusedAt: null,
        paymentRecordedAt: null,
        paymentReference: null,
        pdfPath: null,
      },
      { transaction },
    );
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'proforma.issue',
        recordType: 'proforma',
        recordId: created.id,
        details: { number: created.number, quoteRequestId: quote.id, totalInclTaxCents: totals.totalInclTaxCents, validUntil },
        ip: actor.ip,
      },
      transaction,
    );
    await notifyUsers(
      {
        userIds: await companyUserIds(quote.companyId, transaction),
        kind: 'proformaIssued',
        params: { number: created.number },
        link: billingLinks.clientProforma(created.id),
      },
      transaction,
    );
    queueDocumentDelivery('proforma', created, transaction);
    return created;
  });
  return {
    id: proforma.id,
    number: proforma.number,
    totalExclTaxCents: Number(proforma.totalExclTaxCents),
    totalInclTaxCents: Number(proforma.totalInclTaxCents),
    validUntil: proforma.validUntil,
  };
}
