import cluster from 'node:cluster';
import path from 'node:path';
import { config, isProduction } from '../config';

/**
 * `npm start` (production build) and the server half of `npm run dev`. In production this process
 * only starts and replaces WEB_CONCURRENCY web processes: plain Node processes that load the build
 * alone (web-process.ts), whose bundle carries the server code, so that none of them holds a second
 * copy of every server module nor tsx's transforms (docs/decisions/260-web-process-memory.md).
 */
if (cluster.isPrimary && isProduction) {
  const { runWebCluster } = await import('./web-cluster');
  runWebCluster(config.WEB_CONCURRENCY, path.join(import.meta.dirname, 'web-process.ts'));
} else {
  const { startWebServer } = await import('./web-server');
  await startWebServer();
}
