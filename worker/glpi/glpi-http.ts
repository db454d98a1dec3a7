import type { Logger } from 'pino';
import type { GlpiConfig } from './glpi-config';
import { GlpiError, glpiErrorFromResponse, GlpiNetworkError, type GlpiErrorContext } from './glpi-errors';
import { RequestLimiter } from './glpi-limiter';

export type QueryValue = string | number | boolean;
export type GlpiRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after `apirest.php`, e.g. `/Ticket/12/ITILFollowup`. */
  path: string;
  query?: ReadonlyArray<readonly [string, QueryValue]>;
  body?: unknown;
  /** A multipart body (GLPI's document upload); its boundary sets the Content-Type itself. */
  form?: FormData;
  /** The answer is a file (`Accept: application/octet-stream`): its bytes, not JSON. */
  binary?: boolean;
  sessionToken?: string;
  /** Extra headers; never logged. */
  headers?: Record<string, string>;
  /**
   * Whether sending it twice is harmless. Default: every method but POST. A POST that timed out
   * or met a 5xx may have been applied, so it is retried only when it surely never left.
   */
  idempotent?: boolean;
};

export type GlpiResponse = { status: number; headers: Headers; body: unknown };

export type GlpiHttpOptions = {
  config: GlpiConfig;
  logger: Logger;
  limiter?: RequestLimiter;
  fetch?: typeof fetch;
};

/**
 * One HTTP exchange with GLPI: limiter, timeout, retries with exponential back-off and jitter for
 * network errors, timeouts and 5xx; any other error answer is thrown at once as a typed GlpiError.
 */
export class GlpiHttp {
  readonly config: GlpiConfig;
  private readonly logger: Logger;
  private readonly limiter: RequestLimiter;
  private readonly fetchImpl: typeof fetch;

  constructor(options: GlpiHttpOptions) {
    this.config = options.config;
    this.logger = options.logger;
    this.limiter = options.limiter ?? new RequestLimiter(options.config.maxConcurrent, options.config.maxPerSecond);
    this.fetchImpl = options.fetch ?? fetch;
  }

  async send(request: GlpiRequest): Promise<GlpiResponse> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.limiter.run(() => this.once(request, attempt));
      } catch (error) {
        if (!(error instanceof GlpiError) || !error.retryable || attempt >= this.config.retries) throw error;
        if (!(request.idempotent ?? request.method !== 'POST') && !neverSent(error)) throw error;
        const delay = this.backoff(attempt);
        this.logger.warn({ method: request.method, path: request.path, attempt, delayMs: delay, code: error.code }, 'glpi retry');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Full jitter: a random wait between half and all of the exponential step. */
  private backoff(attempt: number): number {
    const step = Math.min(this.config.retryMaxMs, this.config.retryBaseMs * 2 ** attempt);
    return Math.round(step / 2 + Math.random() * (step / 2));
  }

  private async once(request: GlpiRequest, attempt: number): Promise<GlpiResponse> {
    const url = new URL(`${this.config.baseUrl}${request.path}`);
    for (const [key, value] of request.query ?? []) url.searchParams.append(key, String(value));
    const headers: Record<string, string> = {
      Accept: request.binary ? 'application/octet-stream' : 'application/json',
      ...request.headers,
    };
    if (this.config.appToken) headers['App-Token'] = this.config.appToken;
    if (request.sessionToken) headers['Session-Token'] = request.sessionToken;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const context: GlpiErrorContext = { method: request.method, path: request.path, status: null };
    const started = performance.now();
    let response: Response;
    let text = '';
    let bytes: Uint8Array | null = null;
    try {
      response = await this.fetchImpl(url, {
        method: request.method,
        headers,
        body: request.form ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      if (request.binary && response.status < 400) bytes = new Uint8Array(await response.arrayBuffer());
      else text = await response.text();
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      this.logger.warn({ method: request.method, path: request.path, durationMs, attempt, timedOut }, 'glpi request failed');
      const reason = timedOut ? `timed out after ${this.config.timeoutMs} ms` : 'network error';
      throw new GlpiNetworkError(timedOut ? 'timeout' : 'network', `GLPI ${reason}`, context, { cause: error });
    }
    const durationMs = Math.round(performance.now() - started);
    context.status = response.status;
    this.logger.debug({ method: request.method, path: request.path, status: response.status, durationMs, attempt }, 'glpi request');
    if (bytes) return { status: response.status, headers: response.headers, body: bytes };
    const body = parseBody(text);
    if (response.status >= 400) throw glpiErrorFromResponse(response.status, body, context);
    return { status: response.status, headers: response.headers, body };
  }
}

/** Connection refused: GLPI never saw the request, so even a create can be sent again. */
function neverSent(error: GlpiError): boolean {
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    if ((cause as NodeJS.ErrnoException).code === 'ECONNREFUSED') return true;
    cause = cause.cause;
  }
  return false;
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page (502 from nginx when GLPI is down) is kept as text.
    return text;
  }
}
