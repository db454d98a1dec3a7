import type { IncomingHttpHeaders } from 'node:http';

export type PhpValue = string | { [key: string]: PhpValue };

export type SimRequest = {
  method: string;
  /** Path after `/apirest.php`, e.g. `/Ticket/21/ITILFollowup`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** `http://host:port/apirest.php`, GLPI's `url_base_api`, used in links and error messages. */
  apiBase: string;
  /** When the request arrived (epoch ms): the second GLPI stamps on every row the request writes. */
  receivedAt: number;
  /** A multipart body (POST /Document): its text fields and its files, by field name. */
  form?: { fields: Map<string, string>; files: Map<string, { name: string; mime: string; bytes: Uint8Array }> };
};

export type SimResponse = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** Non-JSON answers (a proxy's HTML error page). */
  rawBody?: string;
  /** A file (GET /Document/:id as application/octet-stream). */
  bytes?: Uint8Array;
  contentType?: string;
};

/** Codes whose message GLPI suffixes with a link to the API documentation (see the error fixtures). */
const documentedCodes = new Set([
  'ERROR',
  'ERROR_RANGE_EXCEED_TOTAL',
  'ERROR_SESSION_TOKEN_MISSING',
  'ERROR_BAD_ARRAY',
  'ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM',
  'ERROR_LOGIN_PARAMETERS_MISSING',
  'ERROR_WRONG_APP_TOKEN_PARAMETER',
]);

export function glpiError(request: SimRequest, status: number, code: string, message: string | null): SimResponse {
  const text =
    message !== null && documentedCodes.has(code)
      ? `${message}; view documentation in your browser at ${request.apiBase}/#${code}`
      : message;
  return { status, headers: {}, body: [code, text] };
}

export const noPermission = "You don't have permission to perform this action.";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers, body };
}

/** PHP reads `criteria[0][field]=19` as nested arrays; GLPI's parameters depend on that. */
export function parsePhpQuery(query: URLSearchParams): Record<string, PhpValue> {
  const root: Record<string, PhpValue> = {};
  for (const [key, value] of query) {
    const parts = key.match(/^([^[]+)((?:\[[^\]]*\])*)$/);
    if (!parts || parts[1] === undefined) continue;
    const path = [parts[1], ...[...(parts[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')];
    let node: Record<string, PhpValue> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      if (typeof next === 'object') {
        node = next;
      } else {
        const created: Record<string, PhpValue> = {};
        node[segment] = created;
        node = created;
      }
    });
  }
  return root;
}

/** PHP's loose truthiness for flags such as `get_hateoas=0` or `is_deleted=true`. */
export function flag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  return !['', '0', 'false'].includes(value.toLowerCase());
}

export function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export type Range = { start: number; end: number; explicit: boolean };

/** GLPI's default page is the API user's `list_limit` (20); see `parseRange` for its off-by-one. */
export const listLimit = 20;

export function parseRange(request: SimRequest): Range | SimResponse {
  const value = request.query.get('range');
  // Without `range` GLPI uses 0-list_limit: 20 rows come back but the header says 0-20 (get_Ticket_no_range_default).
  if (value === null) return { start: 0, end: listLimit, explicit: false };
  const match = value.match(/^(\d+)-(\d+)$/);
  if (!match) return glpiError(request, 400, 'ERROR', 'range must be in format : [start-end] with integers');
  return { start: Number(match[1]), end: Number(match[2]), explicit: true };
}

/**
 * Status and Content-Range of a page, as GLPI computes them: 206 whenever the requested size is
 * smaller than the total (even `range=5-2`, error_get_Computer_range_end_before_start), the end
 * clamped to total-1 (get_Computer_range_end_past_total), no header when the total is 0.
 */
export function pageHeaders(range: Range, total: number, itemtype: string): { status: number; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'Accept-Range': `${itemtype} 1000` };
  if (total > 0) headers['Content-Range'] = `${range.start}-${Math.min(range.end, total - 1)}/${total}`;
  const requested = range.end - range.start + 1;
  return { status: requested < total ? 206 : 200, headers };
}

export function rangeExceeds(request: SimRequest, range: Range, total: number): SimResponse | null {
  if (range.start <= total) return null;
  return glpiError(request, 400, 'ERROR_RANGE_EXCEED_TOTAL', `Provided range exceed total count of data: ${total}`);
}

/** Rows actually returned for a range: `list_limit` rows when no range was given. */
export function sliceRange<T>(items: readonly T[], range: Range): T[] {
  if (range.end < range.start) return [];
  const end = range.explicit ? range.end + 1 : range.start + listLimit;
  return items.slice(range.start, end);
}
