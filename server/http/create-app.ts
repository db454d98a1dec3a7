import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type Response } from 'express';
import helmet from 'helmet';
import { config, isProduction } from '../config';
import { newRequestId, requestScope, runInScope } from '../request-context';
import { withOutagePages } from './backend-outage';
import { clientAddress } from './client-address';
import { originCheck } from './origin-check';
import { readYourWrites } from './read-your-writes';
import { requestSizeLimit } from './request-size-limit';
import { trpcEndpoint } from './trpc-endpoint';

export type AppOptions = {
  root?: string;
  /** Which peers may report the client's address; config.TRUST_PROXY unless a test says otherwise. */
  trustProxy?: typeof config.TRUST_PROXY;
};

/**
 * The web process: security headers, compression, static assets, the CSRF origin check, tRPC at
 * /api/trpc, then Remix for the pages. No BullMQ worker runs here.
 */
export function createApp(build: ServerBuild | (() => Promise<ServerBuild>), options: AppOptions = {}) {
  const root = options.root ?? process.cwd();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? config.TRUST_PROXY);
  // Everything below runs in the request's scope (server/request-context.ts): its log lines, the
  // procedures it calls and the jobs they queue carry its id, which the response names too.
  app.use((req, res, next) => {
    const scope = requestScope(newRequestId());
    res.setHeader('X-Request-Id', scope.requestId);
    const start = performance.now();
    res.on('finish', () => {
      if (req.originalUrl.startsWith('/build/')) return;
      scope.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - start) }, 'request');
    });
    runInScope(scope, next);
  });
  // A fresh nonce per response: the only inline scripts that run are those the page was rendered with.
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Remix inlines its hydration data, module loader and scroll restoration: each carries the nonce.
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'", ...(isProduction ? [] : ['ws:'])],
          'upgrade-insecure-requests': isProduction ? [] : null,
        },
      },
      hsts: isProduction,
    }),
  );
  app.use(compression());
  // Fingerprinted by the compiler: cache for a year.
  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }));
  app.use(readYourWrites);
  app.use(requestSizeLimit());
  app.use(originCheck(config.APP_URL));
  app.use('/api/trpc', trpcEndpoint);
  // Only the few files public/ holds (favicon…): a page's URL is not looked up on disk first.
  const publicDir = path.join(root, 'public');
  const publicFiles = new Set(existsSync(publicDir) ? readdirSync(publicDir).map((name) => `/${name}`) : []);
  const publicStatic = express.static(publicDir, { maxAge: '1h', index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));
  const served = typeof build === 'function' ? async () => withOutagePages(await build()) : withOutagePages(build);
  app.all(
    '*',
    createRequestHandler({
      build: served,
      mode: isProduction ? 'production' : 'development',
      getLoadContext: (req, res) => ({ clientAddress: clientAddress(req), cspNonce: res.locals.cspNonce as string }),
    }),
  );
  return app;
}
