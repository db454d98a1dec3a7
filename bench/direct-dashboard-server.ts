/**
 * Bench only (never in app/ or server/): the dashboard a direct integration would serve, asking
 * GLPI at request time — count each asset type and the tickets of each status (Content-Range
 * totals, the cheapest way GLPI offers). Like any real integration it keeps its GLPI sessions:
 * each entity has a pool of sessions already switched to it, a view sends its 14 requests at once
 * over four idle sessions of its entity (opening one when none is idle), and a session GLPI calls
 * invalid is opened again. `npm run bench:dashboard` starts it as a child process and loads it like the page.
 * Usage: tsx bench/direct-dashboard-server.ts <port> <apirest url> <user token>; GET /?entity=<id>
 */
import { createServer } from 'node:http';

const [port, baseUrl, userToken] = process.argv.slice(2) as [string, string, string];
const assetTypes = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense'];

const total = (response: Response) => Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? 0);

class GlpiStatus extends Error {
  constructor(
    readonly status: number,
    path: string,
  ) {
    super(`GLPI ${path}: ${status}`);
  }
}

async function glpi(path: string, init: RequestInit & { session?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  if (init.session) headers.set('Session-Token', init.session);
  const response = await fetch(`${baseUrl}/${path}`, { ...init, headers, signal: AbortSignal.timeout(30_000) });
  if (response.status >= 400) {
    await response.arrayBuffer().catch(() => undefined);
    throw new GlpiStatus(response.status, path);
  }
  return response;
}

async function openSession(entityId: number): Promise<string> {
  const init = await glpi('initSession', { headers: { Authorization: `user_token ${userToken}` } });
  const session = ((await init.json()) as { session_token: string }).session_token;
  await glpi('changeActiveEntities', { method: 'POST', session, body: JSON.stringify({ entities_id: entityId, is_recursive: false }) });
  return session;
}

const idle = new Map<number, string[]>();

async function withSession<T>(entityId: number, ask: (session: string) => Promise<T>): Promise<T> {
  let session = idle.get(entityId)?.pop() ?? (await openSession(entityId));
  try {
    return await ask(session);
  } catch (error) {
    if (!(error instanceof GlpiStatus && error.status === 401)) throw error;
    session = await openSession(entityId);
    return await ask(session);
  } finally {
    idle.set(entityId, [...(idle.get(entityId) ?? []), session]);
  }
}

// A view sends all its requests at once, spread over this many sessions of its entity (as many as the
// real GLPI's PHP workers): on the real GLPI, 8 requests at once took 111-132 ms over 4 sessions
// against 127-145 ms on one (2026-12-06), so the direct variant gets the faster of the two.
const sessionsPerView = 4;

const ticketCount = (status: number) => async (session: string) => ({
  status,
  count: total(
    await glpi(`search/Ticket?criteria[0][field]=12&criteria[0][searchtype]=equals&criteria[0][value]=${status}&range=0-0`, {
      session,
    }),
  ),
});
const assetCount = (itemtype: string) => async (session: string) => ({
  itemtype,
  count: total(await glpi(`${itemtype}?range=0-0`, { session })),
});

async function dashboard(entityId: number) {
  const asks: Array<(session: string) => Promise<unknown>> = [...assetTypes.map(assetCount), ...[1, 2, 3, 4, 5, 6].map(ticketCount)];
  const answers: unknown[] = [];
  await Promise.all(
    Array.from({ length: sessionsPerView }, (_, k) =>
      withSession(entityId, (session) =>
        Promise.all(
          asks.map(async (ask, index) => {
            if (index % sessionsPerView === k) answers[index] = await ask(session);
          }),
        ),
      ),
    ),
  );
  return { assets: answers.slice(0, assetTypes.length), tickets: answers.slice(assetTypes.length) };
}

// Views still asking GLPI: a load run that ends leaves its last views running, and GLPI busy with
// them would slow whatever the bench measures next (GET /_inflight, awaited by the bench).
let inFlight = 0;

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/_inflight') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ inFlight }));
    return;
  }
  const entityId = Number(url.searchParams.get('entity'));
  inFlight += 1;
  dashboard(entityId)
    .finally(() => (inFlight -= 1))
    .then(
      (body) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      },
      (error: unknown) => {
        response.writeHead(502, { 'Content-Type': 'text/plain' });
        response.end(String(error));
      },
    );
}).listen(Number(port), '127.0.0.1', () => console.log(`direct dashboard on ${port}`));
