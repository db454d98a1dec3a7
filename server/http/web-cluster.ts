import cluster from 'node:cluster';
import { logger } from '../logger';
import { webProcessV8Flags } from './web-process-flags';

/**
 * The primary of `count` web processes sharing the port: one that dies is replaced, a stop signal
 * stops them all. Each runs `entry` without the primary's tsx loader where Node strips types
 * itself (Node 24; an older Node keeps the loader rather than failing to start them).
 */
export function runWebCluster(count: number, entry: string): void {
  let stopping = false;
  const loader = process.features.typescript ? [] : process.execArgv;
  cluster.setupPrimary({ exec: entry, execArgv: [...webProcessV8Flags, ...loader] });
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'web process died: starting another');
    cluster.fork();
  });
  for (const stopSignal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(stopSignal, () => {
      stopping = true;
      const done = () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      };
      cluster.on('exit', done);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(stopSignal);
      done();
      setTimeout(() => process.exit(0), 12_000).unref();
    });
  }
}
