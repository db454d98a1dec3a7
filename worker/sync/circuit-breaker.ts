import { GlpiError } from '../glpi/glpi-errors';

export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  constructor(readonly retryAt: Date) {
    super(`GLPI unavailable: circuit open until ${retryAt.toISOString()}`);
  }
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * Stops every sync job from hammering a GLPI that is down. After `threshold` consecutive failures
 * that mean "GLPI did not answer" (network errors, timeouts, 5xx after the client's own retries), the
 * circuit opens: jobs fail at once without a request. After `probeAfterMs` one job is let through as
 * a probe; its success closes the circuit, its failure opens it again. Refusals (4xx, schema) say
 * GLPI is up and do not count.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;

  constructor(private readonly options: { threshold: number; probeAfterMs: number; now?: () => number }) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.options.probeAfterMs ? 'half-open' : 'open';
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.probing)) {
      throw new CircuitOpenError(new Date((this.openedAt ?? this.now()) + this.options.probeAfterMs));
    }
    const probe = state === 'half-open';
    if (probe) this.probing = true;
    try {
      const result = await work();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      if (isUnavailable(error)) {
        this.failures += 1;
        if (probe || this.failures >= this.options.threshold) this.openedAt = this.now();
      }
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}

export function isUnavailable(error: unknown): boolean {
  return error instanceof GlpiError && error.retryable;
}
