import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { broadcastDevReady, installGlobals, type ServerBuild } from '@remix-run/node';
import { config, isProduction } from '../config';
import { logger } from '../logger';
import { startReadReplicas } from '../db/sequelize';
import { createApp } from './create-app';

const buildPath = path.resolve('build/index.js');
// In development the build is re-imported only when the compiler has rewritten it.
let loaded: { mtime: number; build: Promise<ServerBuild> } | undefined;
function importBuild(): Promise<ServerBuild> {
  const mtime = statSync(buildPath).mtimeMs;
  if (!loaded || loaded.mtime !== mtime) {
    loaded = { mtime, build: import(`${pathToFileURL(buildPath).href}?t=${mtime}`) as Promise<ServerBuild> };
  }
  return loaded.build;
}

/**
 * One web process: the Express app on PORT until a stop signal. A production process passes the
 * build it was loaded from (web-process.ts); development imports it and again after each rebuild.
 */
export async function startWebServer(build?: ServerBuild): Promise<void> {
  installGlobals({ nativeFetch: true });
  const initialBuild = build ?? (await importBuild());
  startReadReplicas();
  const app = createApp(isProduction ? initialBuild : importBuild);

  const server = app.listen(config.PORT, () => {
    logger.info({ url: config.APP_URL, port: config.PORT }, 'web server listening');
    if (!isProduction) void broadcastDevReady(initialBuild);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      logger.info({ signal }, 'web server stopping');
      server.close(() => process.exit(0));
      // Keep-alive connections would hold close() open: idle ones go now, busy ones after their answer.
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}
