import PDFDocument from 'pdfkit';
import { findTier, pricingQuantity } from '../../server/catalog/tier-pricing';
import {
  type Company,
  EmailLogEntry,
  Notification,
  PriceTier,
  Proforma,
  QuoteCall,
  QuoteRequest,
  Service,
  Subscription,
  type User,
} from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';
import { formatDateDz } from '../../server/documents/pdf-format';
import { algiersDate, algiersMidnight, addDays } from '../../server/calendar/algiers-calendar';
import type { Actor } from '../../server/sales/billing-links';
import { issueInvoice } from '../../server/sales/invoices/issue-invoice';
import { expireOverdueProformas } from '../../server/sales/proformas/expire-proformas';
import { issueProforma } from '../../server/sales/proformas/issue-proforma';
import { recordPayment } from '../../server/sales/proformas/record-payment';
import { acceptProforma } from '../../server/sales/proformas/respond-to-proforma';
import { reviewPurchaseOrder } from '../../server/sales/purchase-orders/review-purchase-order';
import { uploadPurchaseOrder } from '../../server/sales/purchase-orders/upload-purchase-order';
import { uploadPaymentProof } from '../../server/sales/payments/payment-proofs';
import { activateSubscription } from '../../server/subscriptions/activate-subscription';

/**
 * The demo's sales pipeline: one company at every stage, made through the same domain functions
 * the pages call, so numbers come from the sequences and every step has its audit entries and
 * notifications. PDFs and their e-mails are made by the worker when it starts (documents queue).
 */
export type DemoClient = { company: Company; user: User };
type QuoteShape = {
  serviceCode: 'support' | 'management' | 'full';
  durationMonths: number;
  ticketsPerMonth?: number;
  pcsCount?: number;
  softwareCount?: number;
  description?: string;
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

async function quote(client: DemoClient, shape: QuoteShape, status: 'new' | 'contacted' = 'contacted', createdDaysAgo = 3) {
  const service = await Service.findOne({
    where: { code: shape.serviceCode },
    include: [{ model: PriceTier, as: 'tiers' }],
    rejectOnEmpty: true,
  });
  const quantities = { ticketsPerMonth: shape.ticketsPerMonth ?? null, pcsCount: shape.pcsCount ?? null };
  const tier = findTier(service.tiers ?? [], pricingQuantity(service.pricedBy, quantities));
  const row = await QuoteRequest.create({
    companyId: client.company.id,
    requesterUserId: client.user.id,
    serviceId: service.id,
    durationMonths: shape.durationMonths,
    ticketsPerMonth: quantities.ticketsPerMonth,
    pcsCount: quantities.pcsCount,
    softwareCount: shape.softwareCount ?? null,
    description: shape.description ?? null,
    estimatedMonthlyPriceDa: tier?.monthlyPriceDa ?? null,
    status,
    contactedAt: status === 'contacted' ? daysAgo(createdDaysAgo - 1) : null,
    previousQuoteId: null,
  });
  // Dated in the past so the back-office list reads like real work.
  await QuoteRequest.update({ createdAt: daysAgo(createdDaysAgo) }, { where: { id: row.id }, silent: true });
  return row;
}

/** A pro-forma at the catalog price, as the issue form pre-fills it (a discount if given). */
async function proformaFor(quoteRow: QuoteRequest, staff: Actor, discountPercent = 0) {
  const service = await Service.findByPk(quoteRow.serviceId, { include: [{ model: PriceTier, as: 'tiers' }], rejectOnEmpty: true });
  const quantity = pricingQuantity(service.pricedBy, quoteRow);
  const tier = findTier(service.tiers ?? [], quantity);
  return issueProforma(
    {
      quoteRequestId: quoteRow.id,
      lines: [
        {
          description: `${service.nameFr} — palier ${tier?.minQty ?? 0} à ${tier?.maxQty ?? quantity}, abonnement mensuel`,
          quantity: quoteRow.durationMonths,
          unitPriceDa: tier?.monthlyPriceDa ?? 300_000,
          discountPercent,
        },
      ],
    },
    staff,
  );
}

function demoPurchaseOrderPdf(companyName: string, reference: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc
      .fontSize(18)
      .text(`${companyName} — Bon de commande ${reference}`)
      .moveDown()
      .fontSize(12)
      .text('Commande de services informatiques managés auprès de Y-tech SARL.');
    doc.end();
  });
}

/** A paid invoice and its running subscription, shifted to have started `startedDaysAgo` days ago. */
export async function subscribed(client: DemoClient, shape: QuoteShape, staff: Actor, startedDaysAgo: number) {
  const q = await quote(client, shape, 'contacted', startedDaysAgo + 10);
  const proforma = await proformaFor(q, staff, 5);
  await acceptProforma(client.company.id, { proformaId: proforma.id, paymentMethod: 'transfer' }, { userId: client.user.id });
  await recordPayment({ proformaId: proforma.id, method: 'transfer', reference: `VIR-${proforma.number}` }, staff);
  const invoice = await issueInvoice({ proformaId: proforma.id }, staff);
  const activated = await activateSubscription({ invoiceId: invoice.id }, staff);
  // Activation starts today; the demo wants a subscription already under way.
  const start = algiersMidnight(addDays(algiersDate(), -startedDaysAgo));
  const shift = activated.startAt.getTime() - start.getTime();
  const end = new Date(activated.endAt.getTime() - shift);
  await Subscription.update({ startAt: start, endAt: end }, { where: { id: activated.id } });
  // The activation's notification and mail said "from today": they follow the shifted dates, and
  // the notification is dated from the start, so nothing a prospect reads contradicts the dashboard.
  const dates = { start: formatDateDz(start), end: formatDateDz(end) };
  for (const note of await Notification.findAll({ where: { userId: client.user.id, kind: 'subscriptionActivated' } })) {
    await note.update({ params: { ...note.params, ...dates } });
    // Sequelize never writes createdAt on an update: the demo back-dates it directly.
    await sequelize.query('UPDATE notifications SET created_at = :start WHERE id = :id', { replacements: { start, id: note.id } });
  }
  for (const mail of await EmailLogEntry.findAll({ where: { recipient: client.user.email, template: 'subscription-activated' } })) {
    await mail.update({ params: { ...mail.params, ...dates } });
  }
}

export async function seedDemoPipeline(clients: Record<string, DemoClient>, commercial: User): Promise<void> {
  const staff: Actor = { userId: commercial.id };
  const c = (key: string) => clients[key]!;

  // 1. A new request nobody has called yet.
  await quote(c('sahara'), { serviceCode: 'management', durationMonths: 6, pcsCount: 18, softwareCount: 9 }, 'new', 0);

  // 2. Contacted, with the call logged.
  const contacted = await quote(
    c('djurdjura'),
    {
      serviceCode: 'support',
      durationMonths: 3,
      ticketsPerMonth: 25,
      description: 'Pannes réseau fréquentes dans l’atelier, messagerie à migrer.',
    },
    'contacted',
    2,
  );
  await QuoteCall.create({
    quoteRequestId: contacted.id,
    userId: commercial.id,
    outcome: 'reached',
    note: 'Besoin confirmé ; souhaite une remise pour 12 mois. Rappeler jeudi avec une proposition.',
  });

  // 3. A pro-forma sent, waiting for the client's answer (the demo client's own company).
  await proformaFor(
    await quote(c('elamel'), {
      serviceCode: 'support',
      durationMonths: 6,
      ticketsPerMonth: 8,
      description: 'Postes de caisse et imprimantes d’ordonnances.',
    }),
    staff,
  );

  // 4. Accepted, the purchase order uploaded and waiting for review.
  const numidia = c('numidia');
  const poProforma = await proformaFor(
    await quote(numidia, { serviceCode: 'full', durationMonths: 12, ticketsPerMonth: 12, pcsCount: 16, softwareCount: 20 }),
    staff,
    10,
  );
  await acceptProforma(numidia.company.id, { proformaId: poProforma.id, paymentMethod: 'purchase_order' }, { userId: numidia.user.id });
  await uploadPurchaseOrder(
    numidia.company.id,
    {
      proformaId: poProforma.id,
      fileName: 'BC-2026-031 Numidia Conseil.pdf',
      bytes: await demoPurchaseOrderPdf(numidia.company.name, 'BC-2026-031'),
    },
    { userId: numidia.user.id },
  );

  // 5. An invoice issued after an accepted purchase order, not paid yet.
  const tassili = c('tassili');
  const invoiced = await proformaFor(
    await quote(tassili, { serviceCode: 'management', durationMonths: 3, pcsCount: 9, softwareCount: 4 }),
    staff,
  );
  await acceptProforma(tassili.company.id, { proformaId: invoiced.id, paymentMethod: 'purchase_order' }, { userId: tassili.user.id });
  const order = await uploadPurchaseOrder(
    tassili.company.id,
    { proformaId: invoiced.id, fileName: 'bon-commande-tassili.pdf', bytes: await demoPurchaseOrderPdf(tassili.company.name, 'TC-118') },
    { userId: tassili.user.id },
  );
  await reviewPurchaseOrder(
    {
      purchaseOrderId: order.id,
      decision: 'accept',
      poNumber: 'TC-118',
      proformaReference: invoiced.number,
      poDate: algiersDate(),
      amountExclTaxDa: invoiced.totalExclTaxCents / 100,
      amountDa: invoiced.totalInclTaxCents / 100,
      reason: null,
      overrideReason: null,
    },
    staff,
  );
  await issueInvoice({ proformaId: invoiced.id }, staff);

  // 6. Atlas Logistique: a running full pack, paid; two months in, four to go.
  await subscribed(c('atlas'), { serviceCode: 'full', durationMonths: 6, ticketsPerMonth: 22, pcsCount: 28, softwareCount: 35 }, staff, 61);

  // 7. A pro-forma left without an answer past its validity.
  const hoggar = c('hoggar');
  const stale = await proformaFor(
    await quote(hoggar, { serviceCode: 'support', durationMonths: 12, ticketsPerMonth: 35 }, 'contacted', 45),
    staff,
  );
  await Proforma.update({ validUntil: addDays(algiersDate(), -5) }, { where: { id: stale.id } });
  await expireOverdueProformas();

  // 8. A subscription ending within 30 days: the reminders and the "renew" button show.
  await subscribed(c('ouarsenis'), { serviceCode: 'support', durationMonths: 1, ticketsPerMonth: 6 }, staff, 10);

  // 9. Accepted to pay by bank transfer: the client's proof waits for the commercial's confirmation.
  const sahara = c('sahara');
  const byTransfer = await proformaFor(
    await quote(sahara, { serviceCode: 'support', durationMonths: 3, ticketsPerMonth: 9 }, 'contacted', 4),
    staff,
  );
  await acceptProforma(sahara.company.id, { proformaId: byTransfer.id, paymentMethod: 'transfer' }, { userId: sahara.user.id });
  await uploadPaymentProof(
    sahara.company.id,
    {
      proformaId: byTransfer.id,
      bankReference: 'VIR-CPA-2026-004512',
      fileName: 'ordre-de-virement.pdf',
      bytes: await demoPurchaseOrderPdf(sahara.company.name, 'VIR-CPA-2026-004512'),
    },
    { userId: sahara.user.id },
  );
}
