import { json } from '@remix-run/node';
import { sequelize } from '../../server/db/sequelize';
import { redis } from '../../server/redis';

/** Liveness and readiness for nginx, Docker and the demo script: database and Redis answer. */
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
  return json({ status: healthy ? 'ok' : 'degraded', database, redis: cache }, { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
