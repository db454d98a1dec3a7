import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { Invoice, PurchaseOrder } from '../../db/models';
import { AppError } from '../../errors';
import { notifyStaff } from '../../notifications/notify';
import { absoluteUrl, billingLinks, type Actor } from '../billing-links';
import { withLiveProforma } from '../proformas/proforma-validity';
import { uploadFolders, uploadPath } from '../../uploads/upload-paths';
import { checkPurchaseOrderFile, displayFileName } from './purchase-order-file';
import { recordId } from '../../validation/fields';

export const uploadPurchaseOrderInput = z.object({
  proformaId: recordId,
  fileName: z.string().max(1000),
  /** The file's bytes (the page reads the multipart upload; size and type are checked here). */
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'validation.billing.file'),
});

/**
 * A client uploads the purchase order for their accepted pro-forma. The file is checked by its
 * content (PDF, PNG or JPEG, 10 MB at most) and stored under a random name outside any public
 * folder; an expired offer refuses it with the new-quote offer.
 */
export async function uploadPurchaseOrder(companyId: number, input: z.output<typeof uploadPurchaseOrderInput>, actor: Actor) {
  const type = await checkPurchaseOrderFile(input.bytes);
  const storageName = `${randomUUID()}.${type.ext}`;
  const file = uploadPath(`${uploadFolders.purchaseOrders}/${storageName}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, input.bytes, { mode: 0o640 });
  try {
    return await withLiveProforma(input.proformaId, companyId, actor, async (proforma, transaction) => {
      if (proforma.status !== 'accepted') {
        throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.poNeedsAcceptedProforma', {
          params: { number: proforma.number, from: proforma.status },
        });
      }
      // The mode the client chose drives what is expected: a transfer or a cheque is proven by its
      // own scan (payment proofs), cash at the office; a purchase order only for that mode.
      if (proforma.paymentMethod !== 'purchase_order') {
        throw new AppError('ILLEGAL_TRANSITION', 'errors.billing.poNotChosen', { params: { number: proforma.number } });
      }
      const [pending, accepted, invoiced] = await Promise.all([
        PurchaseOrder.count({ where: { proformaId: proforma.id, status: 'pending' }, transaction }),
        PurchaseOrder.count({ where: { proformaId: proforma.id, status: 'accepted' }, transaction }),
        Invoice.count({ where: { proformaId: proforma.id }, transaction }),
      ]);
      if (pending > 0) throw new AppError('CONFLICT', 'errors.billing.poAlreadyPending');
      if (accepted > 0 || invoiced > 0 || proforma.paymentRecordedAt) throw new AppError('CONFLICT', 'errors.billing.poNotExpected');

      const order = await PurchaseOrder.create(
        {
          proformaId: proforma.id,
          companyId,
          uploadedByUserId: actor.userId,
          storageName,
          originalName: displayFileName(input.fileName, type.ext),
          mimeType: type.mime,
          sizeBytes: input.bytes.byteLength,
          poNumber: null,
          amountCents: null,
          refusalReason: null,
          reviewedByUserId: null,
          reviewedAt: null,
        },
        { transaction },
      );
      await recordAudit(
        {
          actorUserId: actor.userId,
          action: 'purchaseOrder.upload',
          recordType: 'purchase_order',
          recordId: order.id,
          details: { proforma: proforma.number, size: order.sizeBytes, mime: order.mimeType },
          ip: actor.ip,
        },
        transaction,
      );
      const params = { number: proforma.number };
      await notifyStaff(
        {
          kind: 'purchaseOrderUploaded',
          params,
          link: billingLinks.staffProforma(proforma.id),
          mail: { template: 'purchase-order-uploaded', params: { ...params, url: absoluteUrl(billingLinks.staffProforma(proforma.id)) } },
        },
        transaction,
      );
      return { id: order.id, originalName: order.originalName, mimeType: order.mimeType, sizeBytes: order.sizeBytes };
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}
