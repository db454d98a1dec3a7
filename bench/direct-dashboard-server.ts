/**
 * Bench only (never in app/ or server/): the dashboard a direct integration would serve, asking
 * GLPI at request time — open a session, switch to the client's entity, count each asset type and
 * the tickets of each status (Content-Range totals, the cheapest way GLPI offers), close the
 * session. `npm run bench:dashboard` starts it as a child process and loads it like the real page.
 * Usage: tsx bench/direct-dashboard-server.ts <port> <apirest url> <user token> <entity id>
 */
import { createServer } from 'node:http';

const [port, baseUrl, userToken, entityId] = process.argv.slice(2) as [string, string, string, string];
const assetTypes = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense'];

const total = (response: Response) => Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1] ?? 0);

async function glpi(path: string, init: RequestInit & { session?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  if (init.session) headers.set('Session-Token', init.session);
  const response = await fetch(`${baseUrl}/${path}`, { ...init, headers, signal: AbortSignal.timeout(30_000) });
  if (response.status >= 400) throw new Error(`GLPI ${path}: ${response.status}`);
  return response;
}

async function dashboard() {
  const init = await glpi('initSession', { headers: { Authorization: `user_token ${userToken}` } });
  const session = ((await init.json()) as { session_token: string }).session_token;
  try {
    await glpi('changeActiveEntities', { method: 'POST', session, body: JSON.stringify({ entities_id: Number(entityId), is_recursive: false }) });
    const [assets, tickets] = await Promise.all([
      Promise.all(assetTypes.map(async (itemtype) => ({ itemtype, count: total(await glpi(`${itemtype}?range=0-0`, { session })) }))),
      Promise.all([1, 2, 3, 4, 5, 6].map(async (status) => ({
        status,
        count: total(await glpi(`search/Ticket?criteria[0][field]=12&criteria[0][searchtype]=equals&criteria[0][value]=${status}&range=0-0`, { session })),
      }))),
    ]);
    return { assets, tickets };
  } finally {
    void glpi('killSession', { session }).catch(() => undefined);
  }
}

createServer((request, response) => {
  dashboard().then(
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
