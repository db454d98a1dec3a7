/**
 * One load generator of `npm run bench:load`, a process of its own so that its work is counted
 * apart from the platform's (bench/load-benchmark.ts starts one or more and adds their figures).
 * Each simulated user waits for an answer, thinks for a time drawn from an exponential
 * distribution, then takes the next page of a realistic mix: a new tab (a full HTML document) or a
 * click inside the app (Remix's single-fetch `.data` request), or a form, or a PDF.
 * The rate offered is users / mean think time (the orchestrator picks the number of users).
 * Usage: tsx bench/load-generator.ts <plan.json>; prints one JSON line of samples at the end.
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';

export type BenchUser = {
  cookie: string;
  creatorCookie: string;
  tickets: number[];
  documents: Array<{ kind: 'invoice' | 'proforma'; id: number }>;
};
export type GeneratorPlan = {
  appUrl: string;
  users: BenchUser[];
  /** Mean think time between a user's answer and their next page view (exponentially distributed). */
  thinkSeconds: number;
  rampSeconds: number;
  seconds: number;
  /** Share of page views that are full documents; the rest are in-app `.data` navigations. */
  documentShare: number;
};
export type Sample = { page: string; navigation: 'document' | 'data' | 'form' | 'file'; ms: number; status: number };
export type GeneratorReport = { samples: Sample[]; errors: string[]; offered: number };

/** What a user does next, and how often (weights out of 100). */
const mix: Array<{ page: string; weight: number }> = [
  { page: 'dashboard', weight: 20 },
  { page: 'park-list', weight: 25 },
  { page: 'tickets-list', weight: 18 },
  { page: 'ticket', weight: 15 },
  { page: 'create-ticket', weight: 2 },
  { page: 'documents', weight: 14 },
  { page: 'pdf-invoice', weight: 3 },
  { page: 'pdf-proforma', weight: 3 },
];
const parkTypes = ['computers', 'monitors', 'printers', 'software', 'licences', 'peripherals'];
const parkFilters = ['', '?sort=serial', '?q=PC', '?state=En%20service', '?page=2', '?sort=warrantyEnd&dir=desc'];
const ticketFilters = ['', '?status=open', '?status=done', '?period=30d', '?page=2'];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;

function choosePage(): string {
  let roll = Math.random() * 100;
  for (const entry of mix) {
    roll -= entry.weight;
    if (roll < 0) return entry.page;
  }
  return mix[0]!.page;
}

function pathOf(page: string, user: BenchUser): string | null {
  switch (page) {
    case 'dashboard':
      return '/portal/dashboard';
    case 'park-list':
      return `/portal/park/${pick(parkTypes)}${pick(parkFilters)}`;
    case 'tickets-list':
      return `/portal/tickets${pick(ticketFilters)}`;
    case 'ticket':
      return user.tickets.length ? `/portal/tickets/${pick(user.tickets)}` : null;
    case 'documents':
      return '/portal/documents';
    case 'pdf-invoice':
    case 'pdf-proforma': {
      const kind = page.slice(4);
      const documents = user.documents.filter((d) => d.kind === kind);
      return documents.length ? `/documents/${kind}/${pick(documents).id}` : null;
    }
    default:
      return null;
  }
}

/** Single fetch's URL for a client-side navigation to `path` (Remix 2 with v3_singleFetch). */
function dataUrl(path: string): string {
  const [pathname, search] = path.split('?') as [string, string | undefined];
  return `${pathname === '/' ? '/_root' : pathname}.data${search ? `?${search}` : ''}`;
}

export async function runGenerator(plan: GeneratorPlan): Promise<GeneratorReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const { origin } = new URL(plan.appUrl);
  const samples: Sample[] = [];
  const errors: string[] = [];
  let offered = 0;
  const started = performance.now();
  const measureFrom = started + plan.rampSeconds * 1000;
  const end = measureFrom + plan.seconds * 1000;
  const meanThinkMs = plan.thinkSeconds * 1000;

  const send = (method: string, path: string, cookie: string, body?: string, retried = false): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      const headers: Record<string, string> = { cookie, 'accept-language': 'fr' };
      if (body !== undefined)
        Object.assign(headers, {
          origin,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
        });
      const req = request(new URL(path, plan.appUrl), { method, agent, headers, timeout: 30_000 }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('timeout after 30 s')));
      // A kept-alive connection the server closed while the user was thinking: a browser sends a
      // GET again on a new connection, and so does this user (never a POST, which may have been received).
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket && error.code === 'ECONNRESET' && method === 'GET' && !retried)
          resolve(send(method, path, cookie, body, true));
        else reject(error);
      });
      req.end(body);
    });

  const view = async (user: BenchUser, serial: number) => {
    const page = choosePage();
    let navigation: Sample['navigation'];
    let call: () => Promise<number>;
    if (page === 'create-ticket') {
      navigation = 'form';
      const body = new URLSearchParams({
        title: `Imprimante hors ligne ${serial}`,
        content: "Le poste ne voit plus l'imprimante du service.",
        urgency: '3',
        type: 'incident',
      }).toString();
      call = () => send('POST', '/portal/tickets/new', user.creatorCookie, body);
    } else {
      const path = pathOf(page, user);
      if (path === null) return;
      navigation = page.startsWith('pdf') ? 'file' : Math.random() < plan.documentShare ? 'document' : 'data';
      call = () => send('GET', navigation === 'data' ? dataUrl(path) : path, user.cookie);
    }
    const at = performance.now();
    if (at >= measureFrom && at < end) offered += 1;
    try {
      const status = await call();
      const ms = performance.now() - at;
      // A created ticket redirects to its page; single fetch answers a redirect with 202 and a body.
      const ok = status === 200 || (page === 'create-ticket' && status === 302);
      if (!ok) throw new Error(`HTTP ${status}`);
      if (at >= measureFrom && at < end) samples.push({ page, navigation, ms, status });
    } catch (error) {
      if (at >= measureFrom && at < end) errors.push(`${page} (${navigation}): ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const user = async (bench: BenchUser, index: number) => {
    // Think times are memoryless: starting each user after one of them makes the offered rate steady from the first second.
    await new Promise((r) => setTimeout(r, exponential(meanThinkMs)));
    for (let serial = index * 1_000_000; performance.now() < end; serial += 1) {
      await view(bench, serial);
      await new Promise((r) => setTimeout(r, Math.min(exponential(meanThinkMs), Math.max(0, end - performance.now()))));
    }
  };
  await Promise.all(plan.users.map((u, i) => user(u, i)));
  agent.destroy();
  return { samples, errors, offered };
}

if (process.argv[1]?.endsWith('load-generator.ts')) {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as GeneratorPlan;
  const report = await runGenerator(plan);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}
