import { QueryTypes } from 'sequelize';
import { CreditNote, PurchaseOrder, Service, Subscription, type Invoice, type Proforma, type User } from '../../server/db/models';
import { sequelize } from '../../server/db/sequelize';

/** Shared set-up of the back-office workspace tests: records written straight into the tables. */

export const dayMs = 86_400_000;
let counter = 0;
const tag = () => `${process.pid % 100_000}-${++counter}`;

/** A fake GLPI entity id of this test process (glpi_company_links.glpi_entity_id is unique). */
let nextEntity = 700_000 + (process.pid % 1000) * 100;
export const newEntityId = () => ++nextEntity;

export async function subscription(companyId: number, serviceCode: string, startAt: Date, endAt: Date, tierMaxQty = 10) {
  const service = await Service.findOne({ where: { code: serviceCode }, rejectOnEmpty: true });
  return Subscription.create({ companyId, serviceId: service.id, tierMaxQty, monthlyPriceDa: 50_000, months: 3, startAt, endAt });
}

export async function purchaseOrder(proforma: Proforma, uploader: User, status: 'pending' | 'accepted' | 'refused' = 'pending') {
  return PurchaseOrder.create({
    proformaId: proforma.id,
    companyId: proforma.companyId,
    uploadedByUserId: uploader.id,
    storageName: `bo-test-${tag()}.pdf`,
    originalName: `BC ${tag()}.pdf`,
    mimeType: 'application/pdf',
    sizeBytes: 1234,
    poNumber: null,
    amountCents: null,
    status,
    refusalReason: status === 'refused' ? 'Montant erroné' : null,
    reviewedByUserId: status === 'pending' ? null : uploader.id,
    reviewedAt: status === 'pending' ? null : new Date(),
  });
}

export async function creditNote(invoice: Invoice, issuer: User) {
  return CreditNote.create({
    number: `AV-T${tag()}`,
    invoiceId: invoice.id,
    companyId: invoice.companyId,
    issuedByUserId: issuer.id,
    reason: 'Erreur de palier',
    totalExclTaxCents: invoice.totalExclTaxCents,
    vatCents: invoice.vatCents,
    totalInclTaxCents: invoice.totalInclTaxCents,
    pdfPath: null,
  });
}

/** Moves a row's creation date (the todo blocks list the oldest first). */
export async function backdate(table: 'quote_requests' | 'purchase_orders', id: number, at: Date) {
  await sequelize.query(`UPDATE ${table} SET created_at = :at WHERE id = :id`, { replacements: { at, id }, type: QueryTypes.UPDATE });
}
