import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { requestLog } from '../server/request-context';
import { NonceContext } from '~/utils/nonce';

// A production web process runs the server from this build: one copy of the server's modules (server/http/web-process.ts).
export { startWebServer } from '../server/http/web-server';

const abortDelayMs = 5_000;

/**
 * Renders a page to complete HTML: no page here streams deferred data, so waiting for everything
 * costs nothing and the answer goes out in one write. Every inline script carries the response's
 * CSP nonce. (Pages were once kept and sent again from memory; on a realistic load almost no two
 * renders were alike: docs/decisions/150-web-caches-on-a-realistic-load.md.)
 */
export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
  loadContext: AppLoadContext,
) {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  const rendered = await render(request, context, loadContext.cspNonce);
  return new Response(rendered.html, { status: rendered.ok ? status : 500, headers });
}

function render(request: Request, context: EntryContext, nonce: string): Promise<{ html: Buffer<ArrayBuffer>; ok: boolean }> {
  return new Promise((resolve, reject) => {
    let ok = true;
    // Cleared once rendered: a pending timer would keep the whole render reachable for 5 s.
    const timer = setTimeout(() => abort(), abortDelayMs);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={context} url={request.url} abortDelay={abortDelayMs} nonce={nonce} />
      </NonceContext.Provider>,
      {
        onAllReady() {
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on('data', (chunk: Buffer) => chunks.push(chunk));
          body.on('end', () => {
            clearTimeout(timer);
            resolve({ html: Buffer.concat(chunks), ok });
          });
          body.on('error', reject);
          pipe(body);
        },
        onShellError(error) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error) {
          ok = false;
          requestLog().error({ err: error, url: request.url }, 'page rendering failed');
        },
      },
    );
    timer.unref();
  });
}
