import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors';
import type { DocumentPayload } from '../glpi-outbox/outbox-payload';
import { inspectPdf } from '../sales/purchase-orders/pdf-active-content';
import { displayFileName, extensionOfType } from '../sales/purchase-orders/purchase-order-file';
import { uploadFolders, uploadPath } from '../uploads/upload-paths';

/** The purchase orders' rules apply: PDF, PNG or JPEG judged by content, 10 MB at most, no active PDF. */
export const MAX_TICKET_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type StoredAttachment = DocumentPayload;

/**
 * Checks a client's attachment by its bytes (never its name or the browser's word) and stores it
 * under a random name in UPLOAD_DIR, outside any public folder, for the worker to send to GLPI.
 * Every refusal names the `attachment` field so the form shows it beside what was typed.
 */
export async function storeTicketAttachment(rawName: string, bytes: Uint8Array): Promise<StoredAttachment> {
  const refuse = (key: string, params?: Record<string, string | number>) => new AppError('BAD_INPUT', key, { field: 'attachment', params });
  if (bytes.byteLength === 0) throw refuse('errors.ticketAttachment.empty');
  if (bytes.byteLength > MAX_TICKET_ATTACHMENT_BYTES) throw refuse('errors.ticketAttachment.tooLarge', { max: 10 });
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? extensionOfType[type.mime] : undefined;
  if (!type || !ext) throw refuse('errors.ticketAttachment.type');
  if (ext === 'pdf' && (await inspectPdf(bytes)) !== 'clean') throw refuse('errors.ticketAttachment.pdf');
  const storageName = `${randomUUID()}.${ext}`;
  const file = uploadPath(`${uploadFolders.ticketAttachments}/${storageName}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes, { mode: 0o640 });
  const mime = ({ pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg' } as const)[ext];
  return {
    storageName,
    fileName: displayFileName(rawName, ext).replace(/^bon-de-commande\./, 'piece-jointe.'),
    mime,
    sizeBytes: bytes.byteLength,
  };
}

export function ticketAttachmentPath(storageName: string): string {
  return uploadPath(`${uploadFolders.ticketAttachments}/${storageName}`);
}

export async function discardTicketAttachment(storageName: string): Promise<void> {
  await rm(ticketAttachmentPath(storageName), { force: true });
}
