import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Request } from 'express';
import { logger } from '../logger';
import { createContext, type RequestView } from '../trpc/context';
import { appRouter } from '../trpc/root-router';

/** The part of an Express request the tRPC context reads, without building a fetch Request. */
function requestView(req: Request): RequestView {
  return {
    headers: {
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : (value ?? null);
      },
    },
    url: `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`,
  };
}

/**
 * /api/trpc, for the browser's interactive widgets and any HTTP client. Mounted on Express ahead of
 * Remix: a procedure call has no page to match, so it skips Remix's route matching and request
 * conversion (docs/decisions/013-web-request-costs.md).
 */
export const trpcEndpoint = createExpressMiddleware({
  router: appRouter,
  createContext: ({ req, res }) => createContext(requestView(req), { append: (name, value) => res.appendHeader(name, value) }),
  onError: ({ error, path }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'procedure failed');
  },
});
