import { Op } from 'sequelize';
import { z } from 'zod';
import { sequelize } from '../../db/sequelize';
import { recordAudit } from '../../audit/record-audit';
import { Company, CreditNote, Invoice, PurchaseOrder, QuoteRequest, Subscription, User } from '../../db/models';
import type { InvoiceBuyer } from '../../db/models/invoice';
import { AppError } from '../../errors';
import { companyUserIds, notifyUsers } from '../../notifications/notify';
import { addDays, algiersDate } from '../../calendar/algiers-calendar';
import { billingLinks, type Actor } from '../billing-links';
import { queueDocumentDelivery } from '../documents/document-delivery-queue';
import { takeDocumentNumber } from '../documents/document-number';
import { lockProforma } from '../proformas/proforma-validity';
import { recordId } from '../../validation/fields';

export const issueInvoiceInput = z.object({ proformaId: recordId });

/** Days a purchase order gives the client to pay (a recorded payment is already settled). */
const PAYMENT_TERM_DAYS = 30;

/** What an Algerian invoice must state about its buyer and the company record lacks. */
export function missingLegalIds(company: Pick<Company, 'address' | 'rc' | 'nif' | 'nis' | 'ai'>): string[] {
  const labels = { address: 'adresse', rc: 'RC', nif: 'NIF', nis: 'NIS', ai: 'AI' } as const;
  return (Object.keys(labels) as (keyof typeof labels)[]).filter((k) => !company[k]?.trim()).map((k) => labels[k]);
}

/**
 * Issues the invoice of an accepted pro-forma once the client's order is proven: an accepted
 * purchase order or a recorded cash, transfer or cheque payment. The FA number is taken in the
 * same transaction as the insert, so a failed issue gives it back (no gap) and two commercials
 * issuing at the same moment get consecutive numbers. The buyer is copied: the invoice never
 * changes afterwards, a credit note corrects it.
 */
export async function issueInvoice({ proformaId }: z.output<typeof issueInvoiceInput>, actor: Actor) {
  const invoice = await sequelize.transaction(async (transaction) => {
    const proforma = await lockProforma(proformaId, null, transaction);
    if (proforma.status !== 'accepted') {
      throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.invoiceNeedsAcceptedProforma', {
        params: { number: proforma.number, from: proforma.status },
      });
    }
    const earlier = await Invoice.findAll({ where: { proformaId }, include: [{ model: CreditNote, as: 'creditNote' }], transaction });
    const live = earlier.find((i) => !(i as Invoice & { creditNote?: CreditNote | null }).creditNote);
    if (live) throw new AppError('CONFLICT', 'errors.billing.invoiceAlreadyIssued', { params: { number: live.number } });
    // A credited invoice that had started a subscription cancelled the sale itself: invoicing the
    // pro-forma again would sell the same payment twice. Correcting an invoice is for before activation.
    const served = await Subscription.findOne({ where: { invoiceId: { [Op.in]: earlier.map((i) => i.id) } }, transaction });
    if (served) {
      const credited = earlier.find((i) => i.id === served.invoiceId)!;
      throw new AppError('CONFLICT', 'errors.billing.proformaSaleCancelled', {
        params: { number: proforma.number, invoice: credited.number },
      });
    }

    const order = await PurchaseOrder.findOne({ where: { proformaId, status: 'accepted' }, order: [['reviewedAt', 'DESC']], transaction });
    if (!order && !proforma.paymentRecordedAt) throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.invoiceNeedsPaymentProof');

    const company = await Company.findByPk(proforma.companyId, { transaction, rejectOnEmpty: true });
    const missing = missingLegalIds(company);
    if (missing.length > 0)
      throw new AppError('BAD_INPUT', 'errors.billing.buyerIncomplete', { params: { company: company.name, missing: missing.join(', ') } });

    const quote = await QuoteRequest.findByPk(proforma.quoteRequestId, { include: [{ model: User, as: 'requester' }], transaction });
    const requester = (quote as (QuoteRequest & { requester?: User }) | null)?.requester;
    const buyer: InvoiceBuyer = {
      companyName: company.name,
      address: company.address,
      phone: company.phone,
      rc: company.rc,
      nif: company.nif,
      nis: company.nis,
      ai: company.ai,
      contactName: requester ? `${requester.firstName} ${requester.lastName}` : null,
    };
    const today = algiersDate();
    const created = await Invoice.create(
      {
        number: await takeDocumentNumber('invoice', transaction),
        proformaId,
        companyId: company.id,
        issuedByUserId: actor.userId,
        buyer,
        lines: proforma.lines,
        totalExclTaxCents: proforma.totalExclTaxCents,
        vatRatePercent: proforma.vatRatePercent,
        vatCents: proforma.vatCents,
        totalInclTaxCents: proforma.totalInclTaxCents,
        paymentMethod: order ? 'purchase_order' : (proforma.paymentMethod ?? 'transfer'),
        purchaseOrderId: order?.id ?? null,
        dueDate: order ? addDays(today, PAYMENT_TERM_DAYS) : today,
        // A recorded cash, transfer or cheque payment is money received: the invoice is settled.
        paidAt: order ? null : proforma.paymentRecordedAt,
        status: order ? 'unpaid' : 'paid',
        pdfPath: null,
      },
      { transaction },
    );
    await recordAudit(
      {
        actorUserId: actor.userId,
        action: 'invoice.issue',
        recordType: 'invoice',
        recordId: created.id,
        details: {
          number: created.number,
          proformaNumber: proforma.number,
          purchaseOrderId: order?.id ?? null,
          totalInclTaxCents: created.totalInclTaxCents,
        },
        ip: actor.ip,
      },
      transaction,
    );
    await notifyUsers(
      {
        userIds: await companyUserIds(company.id, transaction),
        kind: 'invoiceIssued',
        params: { number: created.number },
        link: billingLinks.clientDocuments(),
      },
      transaction,
    );
    queueDocumentDelivery('invoice', created, transaction);
    return created;
  });
  return { id: invoice.id, number: invoice.number, totalInclTaxCents: invoice.totalInclTaxCents, paidAt: invoice.paidAt };
}
