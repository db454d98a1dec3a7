import path from 'node:path';
import { config } from '../config';

/** Where generated PDFs and uploaded purchase orders live: under UPLOAD_DIR, never a public folder. */
export const uploadFolders = {
  documents: 'documents',
  purchaseOrders: 'purchase-orders',
  paymentProofs: 'payment-proofs',
  ticketAttachments: 'ticket-attachments',
  glpiDocuments: 'glpi-documents',
} as const;

/** The absolute path of a stored file; refuses anything that would land outside UPLOAD_DIR. */
export function uploadPath(relative: string): string {
  const root = path.resolve(config.UPLOAD_DIR);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error(`Refusing a path outside UPLOAD_DIR: ${relative}`);
  return full;
}
