/**
 * Bench only (never in app/ or server/): the dashboard a direct integration would serve, asking
 * GLPI at request time — count each asset type and the tickets of each status (Content-Range
 * totals, the cheapest way GLPI offers). Like any real integration it keeps its GLPI sessions:
 * each entity has a small pool of sessions already switched to it, a session serves one request
 * at a time (GLPI locks a PHP session for the length of a request), and one GLPI calls invalid is
 * opened again. `npm run bench:dashboard` starts it as a child process and loads it like the page.
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

const dashboard = (entityId: number) =>
  withSession(entityId, async (session) => {
    const [assets, tickets] = await Promise.all([
      Promise.all(assetTypes.map(async (itemtype) => ({ itemtype, count: total(await glpi(`${itemtype}?range=0-0`, { session })) }))),
      Promise.all(
        [1, 2, 3, 4, 5, 6].map(async (status) => ({
          status,
          count: total(
            await glpi(`search/Ticket?criteria[0][field]=12&criteria[0][searchtype]=equals&criteria[0][value]=${status}&range=0-0`, {
              session,
            }),
          ),
        })),
      ),
    ]);
    return { assets, tickets };
  });

createServer((request, response) => {
  const entityId = Number(new URL(request.url ?? '/', 'http://localhost').searchParams.get('entity'));
  dashboard(entityId).then(
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
