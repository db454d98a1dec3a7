import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { handleApi, type ApiContext } from './sim-api';
import { handleControl } from './sim-control';
import type { SimRequest, SimResponse } from './sim-http';
import { seedOptionsSchema } from './sim-seed';
import { knobsSchema, SimulatorState } from './sim-state';
import { loadStore, saveStore } from './sim-persist';

export const simulatorOptionsSchema = z.object({
  host: z.string().default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  userToken: z.string().min(1).default('glpi-sim-user-token'),
  /** When set, every request must carry this App-Token (a GLPI API client with an app token). */
  appToken: z.string().min(1).optional(),
  /** With an appToken: whether requests without any App-Token are refused (a wrong one always is). */
  appTokenRequired: z.boolean().default(true),
  seed: seedOptionsSchema.prefault({}),
  knobs: knobsSchema.partial().default({}),
  /** Keep the data in this file between runs (sim-persist.ts): loaded at start when present, else seeded; saved after writes and at close. */
  stateFile: z.string().min(1).optional(),
});
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;

export type GlpiSimulator = {
  /** Base URL of the API, e.g. `http://127.0.0.1:41234/apirest.php`. */
  url: string;
  /** Root of the control endpoints, e.g. `http://127.0.0.1:41234/_control`. */
  controlUrl: string;
  port: number;
  userToken: string;
  appToken: string | undefined;
  state: SimulatorState;
  close(): Promise<void>;
};

const apiPrefix = '/apirest.php';
const baseHeaders = {
  'Content-Type': 'application/json; charset=UTF-8',
  'Cache-Control': 'no-store, no-cache, must-revalidate',
  Pragma: 'no-cache',
  Expires: 'Mon, 26 Jul 1997 05:00:00 GMT',
};

export async function startGlpiSimulator(input: SimulatorOptions = {}): Promise<GlpiSimulator> {
  const options = simulatorOptionsSchema.parse(input);
  const state = new SimulatorState(options.seed, options.knobs);
  const saved = options.stateFile ? loadStore(options.stateFile) : null;
  if (saved) state.store = saved;
  let dirty = options.stateFile !== undefined && !saved;
  const save = () => {
    if (!options.stateFile || !dirty) return;
    dirty = false;
    saveStore(options.stateFile, state.store);
  };
  const saver = options.stateFile ? setInterval(save, 1_000) : null;
  saver?.unref();
  state.onWrite = () => {
    dirty = true;
  };
  const api: ApiContext = {
    store: () => state.store,
    sessions: state.sessions,
    auth: { userToken: options.userToken, appToken: options.appToken, appTokenRequired: options.appTokenRequired },
  };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(state, api, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(error instanceof Error ? error.message : 'simulator failure');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host}:${port}`;
  return {
    url: `${origin}${apiPrefix}`,
    controlUrl: `${origin}/_control`,
    port,
    userToken: options.userToken,
    appToken: options.appToken,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        if (saver) clearInterval(saver);
        save();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** A multipart body read as PHP would fill $_POST and $_FILES; null when the body is not multipart. */
async function readForm(req: IncomingMessage, body: Buffer): Promise<SimRequest['form'] | null> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return null;
  const form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': type } }).formData();
  const fields = new Map<string, string>();
  const files = new Map<string, { name: string; mime: string; bytes: Uint8Array }>();
  for (const [name, value] of form) {
    if (typeof value === 'string') fields.set(name, value);
    else
      files.set(name, {
        name: value.name,
        mime: value.type || 'application/octet-stream',
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
  }
  return { fields, files };
}

async function handle(state: SimulatorState, api: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const bytes = await readBody(req);
  const form = await readForm(req, bytes).catch(() => null);
  const rawBody = form ? '' : bytes.toString('utf8');
  const method = req.method ?? 'GET';
  if (url.pathname.startsWith('/_control')) {
    let body: unknown;
    try {
      body = rawBody.trim() === '' ? undefined : JSON.parse(rawBody);
    } catch {
      return send(res, method, { status: 400, headers: {}, body: { error: 'invalid JSON' } });
    }
    const answer = handleControl(state, method, url.pathname, url.searchParams, body);
    return send(res, method, { status: answer.status, headers: {}, body: answer.body });
  }
  const response = await apiResponse(state, api, req, url, method, rawBody, form ?? undefined);
  if (response === 'reset') {
    req.socket.destroy();
    return;
  }
  state.logRequest({ method, path: url.pathname.slice(apiPrefix.length) || '/', query: url.search.slice(1), status: response.status });
  send(res, method, response);
}

async function apiResponse(
  state: SimulatorState,
  api: ApiContext,
  req: IncomingMessage,
  url: URL,
  method: string,
  rawBody: string,
  form?: SimRequest['form'],
): Promise<SimResponse | 'reset'> {
  const receivedAt = Date.now();
  const { knobs } = state;
  if (knobs.down === 'reset') return 'reset';
  if (knobs.down === 'bad-gateway') return proxyError(502, 'Bad Gateway');
  if (knobs.latencyMs > 0) await sleep(knobs.latencyMs);
  const failure = state.failNext;
  if (failure) {
    failure.count -= 1;
    if (failure.count <= 0) state.failNext = null;
    if (failure.hangMs !== undefined) await sleep(failure.hangMs);
    if (failure.status !== undefined) return failureResponse(failure.status);
  }
  if (knobs.errorRate > 0 && state.errorPrng.next() < knobs.errorRate) return failureResponse(knobs.errorStatus);
  if (!url.pathname.startsWith(apiPrefix)) {
    return { status: 404, headers: {}, body: null, rawBody: 'Not Found', contentType: 'text/plain' };
  }
  const host = req.headers.host ?? 'localhost';
  const request: SimRequest = {
    method,
    path: url.pathname.slice(apiPrefix.length),
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    apiBase: `http://${host}${apiPrefix}`,
    receivedAt,
    ...(form ? { form } : {}),
  };
  return handleApi(api, request);
}

/** 5xx from PHP itself is a JSON error; 502-504 come from the proxy in front, as HTML. */
function failureResponse(status: number): SimResponse {
  if (status >= 502 && status <= 504) return proxyError(status, status === 503 ? 'Service Temporarily Unavailable' : 'Gateway Error');
  if (status >= 500) return { status, headers: {}, body: ['ERROR_SQL', 'Simulated server failure'] };
  return { status, headers: {}, body: ['ERROR', 'Simulated failure'] };
}

function proxyError(status: number, title: string): SimResponse {
  const html = `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: {}, body: null, rawBody: html, contentType: 'text/html' };
}

function send(res: ServerResponse, method: string, response: SimResponse): void {
  const payload = response.bytes ? Buffer.from(response.bytes) : (response.rawBody ?? JSON.stringify(response.body));
  const headers: Record<string, string> = { ...baseHeaders, ...response.headers };
  if (response.contentType) headers['Content-Type'] = response.contentType;
  // GLPI exposes its range headers to browsers on GET responses only.
  if (method === 'GET') headers['Access-Control-Expose-Headers'] = 'content-type, content-range, accept-range';
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  // The web server in front of GLPI dates every answer (RFC 1123, GMT); clients read the server's clock from it.
  headers.Date = new Date().toUTCString();
  res.writeHead(response.status, headers);
  res.end(payload);
}
