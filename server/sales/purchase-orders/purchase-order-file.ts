import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors';
import { inspectPdf } from './pdf-active-content';

export const MAX_PURCHASE_ORDER_BYTES = 10 * 1024 * 1024;

/**
 * What a purchase order may be, judged by its bytes, never by its name or the browser's word, and
 * the extension it is stored and served under.
 */
export const extensionOfType: Record<string, 'pdf' | 'png' | 'jpg'> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export async function checkPurchaseOrderFile(bytes: Uint8Array): Promise<{ mime: string; ext: 'pdf' | 'png' | 'jpg' }> {
  if (bytes.byteLength === 0) throw new AppError('BAD_INPUT', 'errors.billing.poFileEmpty', { field: 'file' });
  if (bytes.byteLength > MAX_PURCHASE_ORDER_BYTES)
    throw new AppError('BAD_INPUT', 'errors.billing.poFileTooLarge', { field: 'file', params: { max: 10 } });
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? extensionOfType[type.mime] : undefined;
  if (!type || !ext) throw new AppError('BAD_INPUT', 'errors.billing.poFileType', { field: 'file' });
  if (ext === 'pdf') {
    const verdict = await inspectPdf(bytes);
    if (verdict === 'active') throw new AppError('BAD_INPUT', 'errors.billing.poPdfActive', { field: 'file' });
    if (verdict === 'unreadable') throw new AppError('BAD_INPUT', 'errors.billing.poPdfUnreadable', { field: 'file' });
  }
  return { mime: type.mime, ext };
}

/**
 * The client's file name, kept for display and download only: no directory part (either slash),
 * no control characters, at most 255 characters, and the extension of the type the bytes were
 * found to be — a PDF named `.html` would otherwise be saved, then opened, as a web page.
 * A name with nothing left becomes a plain one.
 */
export function displayFileName(raw: string, ext: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\p{Cc}|"/gu, '')
    .trim()
    .replace(/^\.+/, '');
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 250);
  return `${stem || 'bon-de-commande'}.${ext}`;
}
