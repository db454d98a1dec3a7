import { PassThrough } from 'node:stream';
import type { EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { logger } from '../server/logger';
import { recalled, remember, renderKey } from '~/utils/render-memo.server';

const abortDelayMs = 5_000;
// In development the code changes under the same data: every page is rendered afresh.
const memoize = process.env.NODE_ENV === 'production';

/**
 * Renders a page to complete HTML (no page here streams deferred data, so waiting for everything
 * costs nothing) and answers a repeat of an identical render from memory (render-memo.server.ts).
 */
export default async function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  const key = memoize ? renderKey(request, status, context) : null;
  const memoized = key ? recalled(key) : null;
  if (memoized) return new Response(memoized, { status, headers });
  // Identical requests arriving during a render wait for it rather than rendering the same page again.
  let rendering = key ? inFlight.get(key) : undefined;
  if (!rendering) {
    rendering = render(request, context);
    if (key) {
      inFlight.set(key, rendering);
      void rendering.then((rendered) => rendered.ok && remember(key, rendered.html), () => undefined).finally(() => inFlight.delete(key));
    }
  }
  const rendered = await rendering;
  return new Response(rendered.html, { status: rendered.ok ? status : 500, headers });
}

const inFlight = new Map<string, Promise<{ html: Buffer<ArrayBuffer>; ok: boolean }>>();

function render(request: Request, context: EntryContext): Promise<{ html: Buffer<ArrayBuffer>; ok: boolean }> {
  return new Promise((resolve, reject) => {
    let ok = true;
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={context} url={request.url} abortDelay={abortDelayMs} />, {
      onAllReady() {
        const chunks: Buffer[] = [];
        const body = new PassThrough();
        body.on('data', (chunk: Buffer) => chunks.push(chunk));
        body.on('end', () => resolve({ html: Buffer.concat(chunks), ok }));
        body.on('error', reject);
        pipe(body);
      },
      onShellError: reject,
      onError(error) {
        ok = false;
        logger.error({ err: error, url: request.url }, 'page rendering failed');
      },
    });
    setTimeout(abort, abortDelayMs).unref();
  });
}
