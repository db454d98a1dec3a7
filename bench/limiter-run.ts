import { parseWorkerConfig } from '../worker/worker-config';

/** The worker's limiter settings as the environment gives them; `{}`: the shipped defaults. */
export function limiterOf(from: Record<string, string | undefined>) {
  const { GLPI_MAX_CONCURRENT, GLPI_MAX_PER_SECOND, GLPI_MAX_SESSIONS } = parseWorkerConfig(from);
  return { GLPI_MAX_CONCURRENT, GLPI_MAX_PER_SECOND, GLPI_MAX_SESSIONS };
}

/**
 * The limiter a benchmark's sync runs with: the worker's defaults unless the environment sets them.
 * A run with other settings is kept beside the shipped one, under a key that names them.
 */
export function limiterRun(env: Record<string, string | undefined>, baseKey: string) {
  const limiter = limiterOf(env);
  const shipped = JSON.stringify(limiter) === JSON.stringify(limiterOf({}));
  return {
    limiter,
    shipped,
    described: shipped ? "the worker's defaults" : 'set by the environment',
    resultKey: shipped ? baseKey : `${baseKey}_${limiter.GLPI_MAX_CONCURRENT}_in_flight_${limiter.GLPI_MAX_PER_SECOND}_per_second`,
  };
}
