import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { config, isProduction } from '../config';
import { logger } from '../logger';
import { withOutagePages } from './backend-outage';
import { originCheck } from './origin-check';
import { trpcEndpoint } from './trpc-endpoint';

/**
 * The web process: security headers, compression, static assets, the CSRF origin check, tRPC at
 * /api/trpc, then Remix for the pages. No BullMQ worker runs here.
 */
export function createApp(build: ServerBuild | (() => Promise<ServerBuild>), options: { root?: string } = {}) {
  const root = options.root ?? process.cwd();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Remix inlines its hydration data and module preloads.
          'script-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'", ...(isProduction ? [] : ['ws:'])],
          'upgrade-insecure-requests': isProduction ? [] : null,
        },
      },
      hsts: isProduction,
    }),
  );
  app.use(compression());
  app.use((req, res, next) => {
    const start = performance.now();
    res.on('finish', () => {
      if (req.originalUrl.startsWith('/build/')) return;
      logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - start) }, 'request');
    });
    next();
  });
  // Fingerprinted by the compiler: cache for a year.
  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }));
  app.use(originCheck(config.APP_URL));
  app.use('/api/trpc', trpcEndpoint);
  // Only the few files public/ holds (favicon…): a page's URL is not looked up on disk first.
  const publicDir = path.join(root, 'public');
  const publicFiles = new Set(existsSync(publicDir) ? readdirSync(publicDir).map((name) => `/${name}`) : []);
  const publicStatic = express.static(publicDir, { maxAge: '1h', index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));
  const served = typeof build === 'function' ? async () => withOutagePages(await build()) : withOutagePages(build);
  app.all('*', createRequestHandler({ build: served, mode: isProduction ? 'production' : 'development' }));
  return app;
}
