import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import type { EntryContext } from '@remix-run/node';

/**
 * Rendered pages by what they were rendered from. A page's HTML is a pure function of its URL and
 * the data its loaders returned (the signed-in user and their locale are part of that data), so
 * when a request brings the same URL and byte-identical loader data as one rendered in the last
 * few seconds, the same HTML is sent again instead of running React a second time. Two people can
 * only share an entry if everything their page shows is identical, names included.
 * (docs/decisions/013-web-request-costs.md)
 */
const ttlMs = 10_000;
const maxBytes = 32 * 1024 * 1024;
type Html = Buffer<ArrayBuffer>;
const pages = new Map<string, { html: Html; at: number }>();
let bytes = 0;

/** The memo key of a page about to be rendered, or null when it must be rendered every time. */
export function renderKey(request: Request, status: number, context: EntryContext): string | null {
  const handler = context.staticHandlerContext;
  if (request.method !== 'GET' || status !== 200 || handler.actionData || handler.errors) return null;
  try {
    // V8's own serialization tells every value apart (a Date from its text, a Map from an object).
    return createHash('sha256').update(request.url).update('\0').update(serialize(handler.loaderData)).digest('base64url');
  } catch {
    // Something structured clone refuses (a function): rendered every time.
    return null;
  }
}

export function recalled(key: string): Html | null {
  const entry = pages.get(key);
  if (!entry) return null;
  if (Date.now() - entry.at >= ttlMs) {
    forget(key, entry.html);
    return null;
  }
  return entry.html;
}

export function remember(key: string, html: Html): void {
  if (html.length > maxBytes / 16) return;
  const previous = pages.get(key);
  if (previous) forget(key, previous.html);
  pages.set(key, { html, at: Date.now() });
  bytes += html.length;
  // Oldest first: a Map iterates in insertion order.
  for (const [oldKey, entry] of pages) {
    if (bytes <= maxBytes) break;
    forget(oldKey, entry.html);
  }
}

function forget(key: string, html: Html): void {
  pages.delete(key);
  bytes -= html.length;
}
