import type { Transaction } from 'sequelize';
import { recordAudit } from '../audit/record-audit';
import { vatRatePercent } from '../catalog/catalog-data';
import { Proforma, type Subscription } from '../db/models';
import type { DocumentLineData } from '../db/models/document-line';
import { AppError } from '../errors';
import { companyUserIds, notifyStaff, notifyUsers } from '../notifications/notify';
import type { CalendarDate } from '../calendar/algiers-calendar';
import { billingLinks, type Actor } from '../sales/billing-links';
import { queueDocumentDelivery } from '../sales/documents/document-delivery-queue';
import { documentTotals } from '../sales/documents/document-amounts';
import { takeDocumentNumber } from '../sales/documents/document-number';

/**
 * A pro-forma that sells something about a running subscription (its renewal, or a change of its
 * tier from a date) rather than answering a quote: it hangs on the quote the subscription came
 * from, whose own pipeline is over and does not move. The rest of its life is a pro-forma's:
 * the client accepts it and pays, staff invoice it and activate the invoice (activate-subscription.ts
 * reads `purpose` to extend or to change the subscription). The PDF and its mail go out with
 * every pro-forma's (documents queue).
 */
export async function issueSubscriptionProforma(
  subscription: Subscription,
  offer: {
    purpose: 'renewal' | 'tier_change';
    tierMaxQty: number;
    lines: DocumentLineData[];
    validUntil: CalendarDate;
    effectiveOn: CalendarDate | null;
  },
  actor: Actor | null,
  transaction: Transaction,
) {
  if (subscription.quoteRequestId === null) throw new AppError('CONFLICT', 'errors.subscriptionChanges.noQuote');
  const totals = documentTotals(offer.lines, vatRatePercent);
  const created = await Proforma.create(
    {
      number: await takeDocumentNumber('proforma', transaction),
      quoteRequestId: subscription.quoteRequestId,
      companyId: subscription.companyId,
      issuedByUserId: actor?.userId ?? null,
      serviceId: subscription.serviceId,
      tierMaxQty: offer.tierMaxQty,
      months: subscription.months,
      lines: offer.lines,
      ...totals,
      validUntil: offer.validUntil,
      paymentMethod: null,
      refusalReason: null,
      acceptedAt: null,
      refusedAt: null,
      paymentRecordedAt: null,
      paymentReference: null,
      pdfPath: null,
      purpose: offer.purpose,
      subscriptionId: subscription.id,
      effectiveOn: offer.effectiveOn,
    },
    { transaction },
  );
  await recordAudit(
    {
      actorUserId: actor?.userId ?? null,
      action: 'proforma.issue',
      recordType: 'proforma',
      recordId: created.id,
      details: {
        number: created.number,
        purpose: offer.purpose,
        subscriptionId: subscription.id,
        effectiveOn: offer.effectiveOn,
        totalInclTaxCents: totals.totalInclTaxCents,
      },
      ip: actor?.ip,
    },
    transaction,
  );
  const params = { number: created.number };
  await notifyUsers(
    {
      userIds: await companyUserIds(subscription.companyId, transaction),
      kind: 'proformaIssued',
      params,
      link: billingLinks.clientProforma(created.id),
    },
    transaction,
  );
  await notifyStaff(
    {
      kind: offer.purpose === 'renewal' ? 'renewalProformaIssued' : 'tierChangeProformaIssued',
      params,
      link: billingLinks.staffProforma(created.id),
    },
    transaction,
  );
  queueDocumentDelivery('proforma', created, transaction);
  return created;
}
