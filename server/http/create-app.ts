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

/**
 * The web process: security headers, compression, static assets, the CSRF origin check, then
 * Remix (pages, and tRPC at /api/trpc as a resource route). No BullMQ worker runs here.
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
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }));
  app.use(originCheck(config.APP_URL));
  const served = typeof build === 'function' ? async () => withOutagePages(await build()) : withOutagePages(build);
  app.all('*', createRequestHandler({ build: served, mode: isProduction ? 'production' : 'development' }));
  return app;
}
