import { z } from 'zod';

/**
 * GLPI connection settings. Validated here, but read from the environment by the worker's
 * configuration module: this module never touches process.env.
 */
export const glpiConfigSchema = z.object({
  /** `https://glpi.example.dz/apirest.php` (a trailing slash is tolerated). */
  baseUrl: z.url().transform((url) => url.replace(/\/+$/, '')),
  /** App-Token of the GLPI API client, when that client has one. */
  appToken: z.string().min(1).optional(),
  /** API token of the service account (`Authorization: user_token …`). */
  userToken: z.string().min(1),
  timeoutMs: z.number().int().positive().default(15_000),
  /**
   * Requests in flight at once, over every session of this process: one fewer than the smallest
   * GLPI serves at once (PHP's 4 workers), so that a technician's click never waits behind the sync.
   */
  maxConcurrent: z.number().int().positive().default(3),
  /** Requests started per second, over every session: GLPI has no rate limit of its own. */
  maxPerSecond: z.number().positive().default(20),
  /** Retries after the first attempt for network errors, timeouts and 5xx. */
  retries: z.number().int().min(0).default(4),
  retryBaseMs: z.number().int().positive().default(300),
  retryMaxMs: z.number().int().positive().default(10_000),
});

export type GlpiConfigInput = z.input<typeof glpiConfigSchema>;
export type GlpiConfig = z.output<typeof glpiConfigSchema>;

export function parseGlpiConfig(input: GlpiConfigInput): GlpiConfig {
  return glpiConfigSchema.parse(input);
}
