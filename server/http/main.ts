import cluster from 'node:cluster';
import { config, isProduction } from '../config';
import { runWebCluster } from './web-cluster';
import { startWebServer } from './web-server';

/** `npm start` (production build) and the server half of `npm run dev`. */
if (cluster.isPrimary && isProduction && config.WEB_CONCURRENCY > 1) runWebCluster(config.WEB_CONCURRENCY);
else await startWebServer();
