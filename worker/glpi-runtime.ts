import { logger } from '../server/logger';
import { GlpiSessionPool } from './glpi/glpi-session-pool';
import { workerConfig } from './worker-config';

/**
 * Raised by `getGlpiPool()` when the worker has no GLPI_URL. A plain (retryable) error on purpose:
 * jobs needing GLPI fail with this reason and BullMQ retries them with back-off, so they complete
 * once GLPI is configured and the worker restarted, instead of being dropped.
 */
class GlpiNotConfiguredError extends Error {
  override readonly name = 'GlpiNotConfiguredError';
  constructor() {
    super('GLPI not configured (GLPI_URL is not set for the worker)');
  }
}

let pool: GlpiSessionPool | null = null;

/**
 * The worker's one GLPI session pool, created on first use: every GLPI job shares it, hence one
 * concurrency cap and one rate limit towards GLPI for the whole process.
 */
export function getGlpiPool(): GlpiSessionPool {
  if (pool) return pool;
  const glpi = workerConfig.glpi;
  if (!glpi) throw new GlpiNotConfiguredError();
  pool = new GlpiSessionPool({ config: glpi, logger, maxSessions: workerConfig.GLPI_MAX_SESSIONS });
  return pool;
}

export function isGlpiConfigured(): boolean {
  return pool !== null || workerConfig.glpi !== null;
}

/** Kills the pool's sessions (on shutdown). A later `getGlpiPool()` would open a new pool. */
export async function closeGlpiPool(): Promise<void> {
  const current = pool;
  pool = null;
  if (current) await current.close();
}

/** Tests point the worker at an in-process simulator: the given pool replaces the configured one. */
export function setGlpiPool(replacement: GlpiSessionPool | null): void {
  pool = replacement;
}
