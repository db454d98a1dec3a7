import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Request } from 'express';
import { requestLog } from '../request-context';
import { clientAddress } from './client-address';
import { maxBodyBytes } from './request-size-limit';
import { createContext } from '../trpc/context';
import { appRouter } from '../trpc/root-router';

/**
 * Calls one request may batch (larger batches get 400, nothing run). A page's widgets batch a
 * handful; the cap keeps one request from carrying dozens of guesses or expensive calls. The
 * browser client splits its batches at the same number (app/utils/trpc-client.ts).
 */
const maxBatchSize = 10;

/** What the context reads of a request (its cookie, user agent and origin), as a fetch Request. */
function fetchRequest(req: Request): globalThis.Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  return new globalThis.Request(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`, { headers });
}

/**
 * /api/trpc, for the browser's interactive widgets and any HTTP client, mounted ahead of Remix:
 * tRPC's own Express adapter. Pages call the same procedures through the server-side caller, not
 * through here, so on the portal's real load this endpoint carries almost nothing
 * (docs/decisions/013-web-request-costs.md).
 */
export const trpcEndpoint = createExpressMiddleware({
  router: appRouter,
  maxBatchSize,
  // requestSizeLimit() has already refused a larger declared length; this is the same limit again,
  // for a body sent without one.
  maxBodySize: maxBodyBytes,
  createContext: ({ req, res }) =>
    createContext(fetchRequest(req), {
      clientAddress: clientAddress(req),
      resHeaders: { append: (name, value) => res.appendHeader(name, value) },
    }),
  onError: ({ error, path }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') requestLog().error({ err: error, path }, 'procedure failed');
  },
});
