import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors';

export const MAX_PURCHASE_ORDER_BYTES = 10 * 1024 * 1024;

/** What a purchase order may be, judged by its bytes, never by its name or the browser's word. */
const accepted: Record<string, 'pdf' | 'png' | 'jpg'> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export async function checkPurchaseOrderFile(bytes: Uint8Array): Promise<{ mime: string; ext: 'pdf' | 'png' | 'jpg' }> {
  if (bytes.byteLength === 0) throw new AppError('BAD_INPUT', 'errors.billing.poFileEmpty', { field: 'file' });
  if (bytes.byteLength > MAX_PURCHASE_ORDER_BYTES) throw new AppError('BAD_INPUT', 'errors.billing.poFileTooLarge', { field: 'file', params: { max: 10 } });
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? accepted[type.mime] : undefined;
  if (!type || !ext) throw new AppError('BAD_INPUT', 'errors.billing.poFileType', { field: 'file' });
  return { mime: type.mime, ext };
}

/**
 * The client's file name, kept for display and download only: no directory part (either slash),
 * no control characters, at most 255 characters; a name with nothing left becomes a plain one.
 */
export function displayFileName(raw: string, ext: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\p{Cc}|"/gu, '')
    .trim()
    .replace(/^\.+/, '');
  const name = base.slice(-255);
  return name || `bon-de-commande.${ext}`;
}
