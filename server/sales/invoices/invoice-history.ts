import { Op } from 'sequelize';
import { AuditEntry, Payment, PaymentProof, PurchaseOrder, User, type Invoice } from '../../db/models';

/**
 * What happened to an invoice and to the proof of order or payment behind it, oldest first, from
 * the audit log: the pro-forma's acceptance, the purchase order's review (with a staff override's
 * written reason and the checks it overrode), the payments, the invoice itself and its credit note.
 */
export async function invoiceHistory(invoice: Pick<Invoice, 'id' | 'proformaId'>) {
  const [orders, proofs, payments] = await Promise.all([
    PurchaseOrder.findAll({ where: { proformaId: invoice.proformaId }, attributes: ['id'] }),
    PaymentProof.findAll({ where: { proformaId: invoice.proformaId }, attributes: ['id'] }),
    Payment.findAll({ where: { [Op.or]: [{ proformaId: invoice.proformaId }, { invoiceId: invoice.id }] }, attributes: ['id'] }),
  ]);
  const ids = (rows: { id: number }[]) => rows.map((r) => String(r.id));
  const entries = await AuditEntry.findAll({
    where: {
      [Op.or]: [
        { recordType: 'proforma', recordId: String(invoice.proformaId) },
        { recordType: 'invoice', recordId: String(invoice.id) },
        { recordType: 'purchase_order', recordId: ids(orders) },
        { recordType: 'payment_proof', recordId: ids(proofs) },
        { recordType: 'payment', recordId: ids(payments) },
      ],
    },
    order: [['id', 'ASC']],
  });
  const actors = await User.findAll({
    where: { id: [...new Set(entries.map((e) => e.actorUserId).filter((id): id is number => id !== null))] },
    attributes: ['id', 'firstName', 'lastName'],
  });
  const nameOf = new Map(actors.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  return entries.map((e) => {
    const details = (e.details ?? {}) as Record<string, unknown>;
    return {
      id: Number(e.id),
      at: e.createdAt,
      action: e.action,
      actorName: e.actorUserId === null ? null : (nameOf.get(e.actorUserId) ?? null),
      reason:
        typeof details.overrideReason === 'string' ? details.overrideReason : typeof details.reason === 'string' ? details.reason : null,
      mismatches: Array.isArray(details.mismatches) ? (details.mismatches as string[]) : [],
    };
  });
}
