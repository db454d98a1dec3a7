import { json } from '@remix-run/node';
import { readReplicaStatus, sequelize } from '../../server/db/sequelize';
import { redis } from '../../server/redis';

/**
 * Liveness and readiness for nginx, Docker and the demo script: database and Redis answer. Read
 * replicas are reported (state and lag, not their addresses: this answer is public) but never make
 * the process unhealthy: without them reads go to the primary.
 */
export async function loader() {
  const check = async (fn: () => Promise<unknown>) => {
    try {
      await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return 'ok' as const;
    } catch {
      return 'down' as const;
    }
  };
  const [database, cache] = await Promise.all([check(() => sequelize.query('SELECT 1')), check(() => redis().ping())]);
  const healthy = database === 'ok' && cache === 'ok';
  const replicas = readReplicaStatus().map(({ state, lagSeconds }) => ({ state, lagSeconds }));
  return json(
    { status: healthy ? 'ok' : 'degraded', database, redis: cache, replicas },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
