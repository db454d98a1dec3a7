import { readFile } from 'node:fs/promises';
import { PurchaseOrder } from '../../db/models';
import { notFound } from '../../errors';
import { uploadFolders, uploadPath } from '../../uploads/upload-paths';
import { companyScope, type Viewer } from '../viewer-scope';
import { displayFileName, extensionOfType } from './purchase-order-file';

/**
 * An uploaded purchase order, for its company's clients or the staff; the stored type (found from
 * the bytes at upload), never a guess, and a name with that type's extension, whatever an older
 * upload was called.
 */
export async function purchaseOrderFile(id: number, viewer: Viewer) {
  const scope = companyScope(viewer);
  const order = await PurchaseOrder.findOne({ where: scope === null ? { id } : { id, companyId: scope } });
  if (!order) throw notFound();
  const bytes = await readFile(uploadPath(`${uploadFolders.purchaseOrders}/${order.storageName}`)).catch(() => null);
  if (!bytes) throw notFound();
  return { fileName: displayFileName(order.originalName, extensionOfType[order.mimeType] ?? 'bin'), contentType: order.mimeType, bytes };
}
