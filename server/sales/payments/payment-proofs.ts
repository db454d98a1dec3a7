import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { PaymentProof } from '../../db/models';
import { provenPaymentMethods } from '../../db/models/payment-proof';
import { sequelize } from '../../db/sequelize';
import { AppError, notFound } from '../../errors';
import { notifyStaff } from '../../notifications/notify';
import { algiersDate } from '../../calendar/algiers-calendar';
import { applyTransition } from '../apply-transition';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { assertTransition } from '../pipeline-states';
import { lockProforma, withLiveProforma } from '../proformas/proforma-validity';
import { recordProformaPayment } from '../proformas/record-payment';
import { checkPurchaseOrderFile, displayFileName, extensionOfType } from '../purchase-orders/purchase-order-file';
import { uploadFolders, uploadPath } from '../../uploads/upload-paths';
import { companyScope, type Viewer } from '../viewer-scope';
import { optionalText, recordId, singleLineText } from '../../validation/fields';

export const uploadPaymentProofInput = z.object({
  proformaId: recordId,
  /** The transfer's reference or the cheque's number, as the bank printed it. */
  bankReference: singleLineText(100),
  fileName: z.string().max(1000),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'validation.billing.file'),
});

export const reviewPaymentProofInput = z
  .object({
    paymentProofId: recordId,
    decision: z.enum(['confirm', 'reject']),
    /** The day the money reached the account (Algiers calendar); default today. */
    paidOn: z.iso.date('validation.billing.date').optional(),
    reason: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.billing.reasonRequired' });
  });

const isProvenMethod = (method: string | null): method is (typeof provenPaymentMethods)[number] =>
  (provenPaymentMethods as readonly string[]).includes(method ?? '');

/**
 * A client who chose to pay by transfer or cheque sends the scan of the transfer order or cheque
 * with its bank reference. It proves nothing until a staff member sees the money and confirms it:
 * then the payment and its receipt are recorded. Checked like a purchase order (type by content,
 * 10 MB, stored under a random name outside any public folder).
 */
export async function uploadPaymentProof(companyId: number, input: z.output<typeof uploadPaymentProofInput>, actor: Actor) {
  const type = await checkPurchaseOrderFile(input.bytes);
  const storageName = `${randomUUID()}.${type.ext}`;
  const file = uploadPath(`${uploadFolders.paymentProofs}/${storageName}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, input.bytes, { mode: 0o640 });
  try {
    return await withLiveProforma(input.proformaId, companyId, actor, async (proforma, transaction) => {
      if (proforma.status !== 'accepted' || !isProvenMethod(proforma.paymentMethod)) {
        throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.proofNotExpected', { params: { number: proforma.number } });
      }
      if (proforma.paymentRecordedAt)
        throw new AppError('CONFLICT', 'errors.billing.paymentAlreadyRecorded', { params: { number: proforma.number } });
      if (await PaymentProof.count({ where: { proformaId: proforma.id, status: 'pending' }, transaction }))
        throw new AppError('CONFLICT', 'errors.billing.proofAlreadyPending');
      const proof = await PaymentProof.create(
        {
          proformaId: proforma.id,
          companyId,
          uploadedByUserId: actor.userId,
          method: proforma.paymentMethod,
          bankReference: input.bankReference,
          storageName,
          originalName: displayFileName(input.fileName, type.ext).replace(/^bon-de-commande\./, 'justificatif.'),
          mimeType: type.mime,
          sizeBytes: input.bytes.byteLength,
        },
        { transaction },
      );
      await recordAudit(
        {
          actorUserId: actor.userId,
          action: 'paymentProof.upload',
          recordType: 'payment_proof',
          recordId: proof.id,
          details: { proforma: proforma.number, method: proof.method, bankReference: proof.bankReference },
          ip: actor.ip,
        },
        transaction,
      );
      await notifyStaff(
        { kind: 'paymentProofUploaded', params: { number: proforma.number }, link: billingLinks.staffProforma(proforma.id) },
        transaction,
      );
      return { id: proof.id, method: proof.method, originalName: proof.originalName };
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

/**
 * Staff confirm a proof once the money is on the account (the payment and its receipt follow, and
 * the payment's notice tells the client), or reject it with a reason. A second review, one after
 * the other or at the same moment, is the machine's refusal: the proof is locked and its state
 * asserted before the pro-forma is read, so it is never mistaken for a payment already recorded.
 */
export async function reviewPaymentProof(input: z.output<typeof reviewPaymentProofInput>, actor: Actor) {
  const today = algiersDate();
  if (input.paidOn && input.paidOn > today) throw new AppError('BAD_INPUT', 'validation.billing.notInFuture', { field: 'paidOn' });
  return sequelize.transaction(async (transaction) => {
    const proof = await PaymentProof.findByPk(input.paymentProofId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!proof) throw notFound();
    const to = input.decision === 'confirm' ? 'confirmed' : 'rejected';
    assertTransition('paymentProof', proof.status, to);
    const proforma = await lockProforma(proof.proformaId, null, transaction);
    const reviewed = { reviewedByUserId: actor.userId, reviewedAt: new Date() };
    if (to === 'confirmed') {
      const payment = await recordProformaPayment(
        proforma,
        { method: proof.method, reference: proof.bankReference, paidOn: input.paidOn ?? today, paymentProofId: proof.id },
        actor,
        transaction,
      );
      await applyTransition(
        {
          machine: 'paymentProof',
          record: proof,
          to,
          changes: reviewed,
          audit: { action: 'paymentProof.confirm', details: { receipt: payment.receiptNumber } },
        },
        actor,
        transaction,
      );
      return { id: proof.id, status: to, receiptNumber: payment.receiptNumber };
    }
    const reason = input.reason ?? '';
    const link = billingLinks.clientProforma(proforma.id);
    await applyTransition(
      {
        machine: 'paymentProof',
        record: proof,
        to,
        changes: { ...reviewed, rejectionReason: input.reason },
        audit: { action: 'paymentProof.reject', details: { reason: input.reason } },
        notify: [
          {
            to: 'company',
            kind: 'paymentProofRejected',
            params: { number: proforma.number, reason },
            link,
            mail: { template: 'payment-proof-rejected', params: { number: proforma.number, reason, url: absoluteUrl(link) } },
          },
        ],
      },
      actor,
      transaction,
    );
    return { id: proof.id, status: to, receiptNumber: null };
  });
}

/** The scan, for its company's clients or the staff. */
export async function paymentProofFile(id: number, viewer: Viewer) {
  const scope = companyScope(viewer);
  const proof = await PaymentProof.findOne({ where: scope === null ? { id } : { id, companyId: scope } });
  if (!proof) throw notFound();
  const bytes = await readFile(uploadPath(`${uploadFolders.paymentProofs}/${proof.storageName}`)).catch(() => null);
  if (!bytes) throw notFound();
  return { fileName: displayFileName(proof.originalName, extensionOfType[proof.mimeType] ?? 'bin'), contentType: proof.mimeType, bytes };
}
