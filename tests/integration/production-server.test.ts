import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForUrl } from '../../scripts/stack/run-step';
import { webProcessV8Flags } from '../../server/http/web-process-flags';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { ensureProductionBuild } from '../support/production-build';
import { waitFor } from '../support/wait-for';

// The production build served as `npm start` serves it (NODE_ENV=production), seen from outside:
// security headers, compression, long-lived caching of fingerprinted assets, health, JSON logs.
let web: PlatformProcess;
let origin: string;

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A request with exactly these headers (fetch would add its own Accept-Encoding and decode). */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  await ensureProductionBuild();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // DATABASE_URL and REDIS_PREFIX are this vitest worker's (tests/support/test-env.ts).
  web = startPlatformProcess('web', 'server/http/main.ts', {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    PORT: String(port),
    APP_URL: origin,
  });
  await waitForUrl(`${origin}/healthz`);
}, 120_000);

afterAll(async () => {
  await web?.kill('SIGTERM');
});

describe('the production server', () => {
  it('sends the security headers on pages', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('ws:');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // On in production (nginx terminates TLS in front; browsers ignore it over plain HTTP).
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(page.headers['x-powered-by']).toBeUndefined();
  });

  it('compresses HTML with gzip or brotli, as the browser asks', async () => {
    const gzip = await get('/', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const br = await get('/', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await get('/', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.body.length).toBeLessThan(plain.body.length);
  });

  it('caches fingerprinted build assets for a year, immutably', async () => {
    const html = (await get('/')).body.toString();
    const asset = /\/build\/[\w/.-]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const response = await get(asset!);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers the health check in JSON, never cached', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    expect(health.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(health.body.toString())).toEqual({ status: 'ok', database: 'ok', redis: 'ok', replicas: [] });
  });

  it('logs one JSON object per line, with each request and its id, which the response names', async () => {
    const faq = await get('/faq');
    const requestId = String(faq.headers['x-request-id']);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The line is written when the response has finished, after the client may have read it.
    const entries = await waitFor(
      async () => {
        const lines = web
          .output()
          .split('\n')
          .filter((line) => line.trim() !== '');
        const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        return parsed.some((entry) => entry.path === '/faq') ? parsed : null;
      },
      { what: 'the log line of GET /faq' },
    );
    for (const entry of entries)
      expect(entry).toMatchObject({ level: expect.any(Number), time: expect.any(Number), msg: expect.any(String) });
    expect(entries).toContainEqual(expect.objectContaining({ msg: 'request', method: 'GET', path: '/faq', status: 200, requestId }));
    expect((await get('/faq')).headers['x-request-id']).not.toBe(requestId);
  });

  it('runs each web process under the V8 limits of decision 280', () => {
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map((pid) => {
        try {
          const ppid = Number(
            readFileSync(`/proc/${pid}/stat`, 'utf8')
              .replace(/^.*\) /s, '')
              .split(' ')[1],
          );
          return { ppid, argv: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') };
        } catch {
          return null; // gone meanwhile
        }
      })
      .filter((child) => child?.ppid === web.pid);
    const servers = children.filter((child) => child!.argv.some((arg) => arg.endsWith('server/http/web-process.ts')));
    expect(webProcessV8Flags).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
    expect(servers.length).toBeGreaterThan(0);
    for (const server of servers) expect(server!.argv).toEqual(expect.arrayContaining(webProcessV8Flags));
  });
});
