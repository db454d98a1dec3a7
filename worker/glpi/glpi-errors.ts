import type { z } from 'zod';

export type GlpiErrorContext = { method: string; path: string; status: number | null };

/** Any failure talking to GLPI; `code` is GLPI's `ERROR_*` code or one of ours in lower case. */
export class GlpiError extends Error {
  override readonly name: string = 'GlpiError';
  /** The second element of GLPI's error array: a message, null, or the per-item results of a bulk call. */
  readonly detail: unknown;
  constructor(
    readonly code: string,
    message: string,
    readonly context: GlpiErrorContext | null = null,
    options?: { cause?: unknown; detail?: unknown },
  ) {
    super(context ? `${message} (${context.method} ${context.path} → ${context.status ?? 'no response'})` : message, options);
    this.detail = options?.detail;
  }

  /** Whether trying again later may succeed (network trouble, GLPI down), as opposed to a refusal. */
  get retryable(): boolean {
    return false;
  }
}

/** Login refused, session unknown or expired, wrong App-Token. */
export class GlpiSessionError extends GlpiError {
  override readonly name = 'GlpiSessionError';
}

/** ERROR_ITEM_NOT_FOUND: purged or never existed. */
export class GlpiNotFoundError extends GlpiError {
  override readonly name = 'GlpiNotFoundError';
}

/**
 * ERROR_RIGHT_MISSING, or an item outside the active entities (GLPI answers 403, not 404:
 * error_get_Computer_in_other_entity_not_active), or a refused entity switch.
 */
export class GlpiPermissionError extends GlpiError {
  override readonly name = 'GlpiPermissionError';
}

/** ERROR_RANGE_EXCEED_TOTAL: a page asked past the end of the list. */
export class GlpiRangeError extends GlpiError {
  override readonly name = 'GlpiRangeError';
}

/** ERROR_GLPI_ADD / _UPDATE / _DELETE and other refusals of a request (4xx). */
export class GlpiRequestError extends GlpiError {
  override readonly name = 'GlpiRequestError';
}

/** No usable answer: connection refused or reset, timeout, 5xx (after the retries). */
export class GlpiNetworkError extends GlpiError {
  override readonly name = 'GlpiNetworkError';
  override get retryable(): boolean {
    return true;
  }
}

/** GLPI answered, but not with the shape this client relies on. Names the item type and the field. */
export class GlpiSchemaError extends GlpiError {
  override readonly name = 'GlpiSchemaError';
  readonly itemtype: string;
  readonly field: string;
  constructor(itemtype: string, issues: readonly z.core.$ZodIssue[], context: GlpiErrorContext | null) {
    const first = issues[0];
    const field = first ? first.path.filter((part) => typeof part === 'string').join('.') || '(root)' : '(root)';
    const row = first?.path.find((part) => typeof part === 'number');
    const where = row === undefined ? '' : ` in row ${row}`;
    super('schema_mismatch', `GLPI ${itemtype}: unexpected field "${field}"${where}: ${first?.message ?? 'invalid'}`, context);
    this.itemtype = itemtype;
    this.field = field;
  }
}

const sessionCodes = new Set([
  'ERROR_SESSION_TOKEN_INVALID',
  'ERROR_SESSION_TOKEN_MISSING',
  'ERROR_GLPI_LOGIN',
  'ERROR_GLPI_LOGIN_USER_TOKEN',
  'ERROR_LOGIN_PARAMETERS_MISSING',
  'ERROR_WRONG_APP_TOKEN_PARAMETER',
  'ERROR_APP_TOKEN_PARAMETERS_MISSING',
  'ERROR_NOT_ALLOWED_IP',
]);

/** GLPI errors are `["ERROR_CODE", "message"]`; the message may be null or a per-item array. */
export function glpiErrorFromResponse(status: number, body: unknown, context: GlpiErrorContext): GlpiError {
  const [code, detail] = Array.isArray(body) && typeof body[0] === 'string' ? [body[0], body[1]] : [`http_${status}`, body];
  const message =
    typeof detail === 'string'
      ? detail.replace(/; view documentation in your browser at .*$/, '')
      : detail === null || detail === undefined
        ? code
        : JSON.stringify(detail).slice(0, 500);
  const options = { detail };
  if (status >= 500 || status === 429) return new GlpiNetworkError(code, message, context, options);
  if (sessionCodes.has(code)) return new GlpiSessionError(code, message, context, options);
  if (code === 'ERROR_ITEM_NOT_FOUND' || status === 404) return new GlpiNotFoundError(code, message, context, options);
  if (code === 'ERROR_RIGHT_MISSING' || status === 403) return new GlpiPermissionError(code, message, context, options);
  if (code === 'ERROR_RANGE_EXCEED_TOTAL') return new GlpiRangeError(code, message, context, options);
  return new GlpiRequestError(code, message, context, options);
}
