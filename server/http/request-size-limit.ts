import type { NextFunction, Request, Response } from 'express';
import { MAX_PURCHASE_ORDER_BYTES } from '../sales/purchase-orders/purchase-order-file';

/** Every body: forms, tRPC calls. A page's longest text (a ticket, an FAQ answer) is a few KB. */
export const maxBodyBytes = 1024 * 1024;

/**
 * The pages that take a file, and how much: a 10 MB purchase order, the multipart around it, and
 * room for a file somewhat too large to reach the page, which then says so beside the field
 * (docker/nginx.conf's client_max_body_size is the same 12 MB).
 */
const uploadRoutes: { path: RegExp; maxBytes: number }[] = [
  { path: /^\/portal\/proformas\/[^/]+$/, maxBytes: MAX_PURCHASE_ORDER_BYTES + 2 * 1024 * 1024 },
  // A ticket or a reply with its attachment (the same 10 MB, server/portal/ticket-attachment.ts).
  { path: /^\/portal\/tickets\/[^/]+$/, maxBytes: MAX_PURCHASE_ORDER_BYTES + 2 * 1024 * 1024 },
];

const limitFor = (path: string) => uploadRoutes.find((route) => route.path.test(path))?.maxBytes ?? maxBodyBytes;

/**
 * One size limit for every route, mounted before anything reads a body or a session: judged from
 * the declared Content-Length, so an oversized request is refused before a byte of it is parsed
 * (Node's parser never reads past the declared length). A body without a declared length
 * (chunked) is refused too: browsers always declare it, and so does nginx towards us.
 */
export function requestSizeLimit() {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers['content-length'];
    if (req.headers['transfer-encoding'] !== undefined && declared === undefined) return refuse(res, 411);
    if (declared === undefined || Number(declared) <= limitFor(req.path)) return next();
    refuse(res, 413);
  };
}

const answers = {
  411: 'Requête refusée : la taille du contenu doit être annoncée (411). / Request refused: the content length must be declared.',
  413: 'Requête trop volumineuse (413) : 1 Mo au plus, 10 Mo pour un bon de commande. / Request too large: 1 MB at most, 10 MB for a purchase order.',
};

function refuse(res: Response, status: 411 | 413) {
  // The body is never read: closing the connection afterwards keeps it from being read at all.
  res.set('Connection', 'close').status(status).type('text/plain; charset=utf-8').send(answers[status]);
}
