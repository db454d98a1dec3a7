/**
 * `npm run bench:load`: 100 super-clients browsing their dashboards, park lists and tickets as fast
 * as the platform answers, and 5 more creating a ticket every second, for 60 s, against the
 * production build started by the stack module (scripts/stack/start-stack.ts) — web, worker,
 * mail catcher and GLPI simulator as child processes — on its own database `ytech_bench_load`.
 * Prints throughput and p50/p95/p99 per page type, web and worker peak RSS, and writes them to
 * bench/results/load.json. Not a test. BENCH_SECONDS, BENCH_BROWSERS, BENCH_CREATORS override.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/support/free-port';
import { logInOverHttp, type HttpSession } from '../tests/support/http-session';
import { descendantRunning, peakRssMb } from './process-memory';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const browsers = Number(process.env.BENCH_BROWSERS ?? 100);
const creators = Number(process.env.BENCH_CREATORS ?? 5);
const password = 'Bench-load-2026';
const serverUrl = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
const [webPort, smtpPort, mailHttpPort, glpiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
const appUrl = `http://127.0.0.1:${webPort}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', PORT: String(webPort), APP_URL: appUrl,
  DATABASE_URL: `${serverUrl}/ytech_bench_load`, REDIS_PREFIX: 'ytech-bench-load', UPLOAD_DIR: await mkdtemp(path.join(tmpdir(), 'ytech-bench-')),
  // A few thousand assets and tickets over the demo's companies and the bench's own.
  GLPI_SIM_NAMED_ENTITIES: 'Atlas Logistique SARL;Pharmacie El Amel;Numidia Conseil;Bench Saoura Ciments;Bench Tassili Pharma;Bench Hoggar Transport;Bench Djurdjura Textile',
  GLPI_SIM_ENTITIES: '0', GLPI_SIM_ASSETS: process.env.BENCH_ASSETS ?? '7000', GLPI_SIM_TICKETS: process.env.BENCH_TICKETS ?? '3500',
  GLPI_MAX_PER_SECOND: '500',
};
Object.assign(process.env, env);

const { startStack } = await import('../scripts/stack/start-stack');
const stack = await startStack({ env, freshDatabase: true, demoData: true, mailCatcher: { smtpPort, httpPort: mailHttpPort }, glpiSimulator: { port: glpiPort } });
const { createBenchClients, waitForFirstSyncs, ticketIdsByCompany } = await import('./load-clients');
const { closeQueues } = await import('../server/jobs/queues');
const { sequelize } = await import('../server/db/sequelize');

type PageType = 'dashboard' | 'park-list' | 'tickets-list' | 'ticket' | 'create-ticket';
const samples = new Map<PageType, number[]>();
const failures: string[] = [];
let webPid: number | null = null;
let workerPid: number | null = null;
let webPeakBeforeLoad = 0;

async function timed(type: PageType, run: () => Promise<void>) {
  const start = performance.now();
  try {
    await run();
    const list = samples.get(type) ?? [];
    list.push(performance.now() - start);
    samples.set(type, list);
  } catch (error) {
    failures.push(`${type}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function page(session: HttpSession, url: string) {
  const response = await session.get(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
}

const parkTypes = ['computers', 'monitors', 'printers', 'software', 'licences'];

try {
  const clients = await createBenchClients(browsers + creators, password);
  const companyIds = [...new Set(clients.map((c) => c.companyId))];
  console.log(`${clients.length} client users in ${companyIds.length} companies; waiting for provisioning and first syncs…`);
  await waitForFirstSyncs(companyIds);
  const tickets = await ticketIdsByCompany(companyIds);
  webPid = descendantRunning('server/http/main.ts');
  workerPid = descendantRunning('worker/main.ts');
  webPeakBeforeLoad = peakRssMb(webPid);

  // Each user from an address of their own, as real offices are (log-in limits are per address).
  const sessions: Array<{ client: (typeof clients)[number]; session: HttpSession }> = [];
  for (const [i, client] of clients.entries()) {
    sessions.push({ client, session: await logInOverHttp(appUrl, client.email, password, `10.20.${Math.floor(i / 200)}.${(i % 200) + 1}`) });
  }
  console.log(`${sessions.length} sessions open; ${browsers} browsing and ${creators} creating tickets for ${seconds} s`);

  const deadline = Date.now() + seconds * 1000;
  const browse = async ({ client, session }: (typeof sessions)[number], index: number) => {
    const ids = tickets.get(client.companyId) ?? [];
    for (let n = index; Date.now() < deadline; n++) {
      const step = n % 4;
      if (step === 0) await timed('dashboard', () => page(session, '/portal/dashboard'));
      else if (step === 1) await timed('park-list', () => page(session, `/portal/park/${parkTypes[n % parkTypes.length]}?page=${1 + (n % 3)}`));
      else if (step === 2) await timed('tickets-list', () => page(session, '/portal/tickets'));
      else if (ids.length) await timed('ticket', () => page(session, `/portal/tickets/${ids[n % ids.length]}`));
    }
  };
  const create = async ({ session }: (typeof sessions)[number], index: number) => {
    for (let n = 0; Date.now() < deadline; n++) {
      await timed('create-ticket', async () => {
        await session.mutate('portal.tickets.create', { title: `Bench ${index}-${n}`, content: 'Poste bloqué au démarrage.', urgency: 3, type: 'incident' });
      });
      await new Promise((r) => setTimeout(r, 1_000));
    }
  };
  const started = Date.now();
  await Promise.all(sessions.map((s, i) => (i < browsers ? browse(s, i) : create(s, i - browsers))));
  await report((Date.now() - started) / 1000);
} finally {
  await closeQueues();
  await sequelize.close();
  await stack.stop();
}

function report(elapsed: number) {
  const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const byPage: Record<string, { requests: number; req_per_s: number; p50_ms: number; p95_ms: number; p99_ms: number }> = {};
  let requests = 0;
  console.log(`\n${'page'.padEnd(14)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
  for (const [type, list] of samples) {
    list.sort((a, b) => a - b);
    requests += list.length;
    byPage[type] = { requests: list.length, req_per_s: round(list.length / elapsed), p50_ms: round(percentile(list, 50)), p95_ms: round(percentile(list, 95)), p99_ms: round(percentile(list, 99)) };
    const m = byPage[type];
    console.log(`${type.padEnd(14)}${String(m.requests).padStart(9)}${String(m.req_per_s).padStart(9)}${String(m.p50_ms).padStart(9)}${String(m.p95_ms).padStart(9)}${String(m.p99_ms).padStart(9)}`);
  }
  const result = {
    errors: failures.length,
    requests: requests + failures.length,
    req_per_s: round((requests + failures.length) / elapsed),
    seconds: round(elapsed),
    browsers,
    creators,
    p95_ms_by_page: Object.fromEntries(Object.entries(byPage).map(([type, m]) => [type, m.p95_ms])),
    by_page: byPage,
    web_peak_rss_mb: peakRssMb(webPid),
    web_peak_rss_before_load_mb: webPeakBeforeLoad,
    worker_peak_rss_mb: peakRssMb(workerPid),
    first_errors: failures.slice(0, 10),
  };
  console.log(`\n${result.requests} requests in ${result.seconds} s (${result.req_per_s} req/s), ${result.errors} errors`);
  console.log(`peak RSS: web ${result.web_peak_rss_mb} MB (${result.web_peak_rss_before_load_mb} MB before the load), worker ${result.worker_peak_rss_mb} MB`);
  for (const failure of result.first_errors) console.log(`  error: ${failure}`);
  return mkdir('bench/results', { recursive: true }).then(() => writeFile('bench/results/load.json', `${JSON.stringify(result, null, 2)}\n`));
}
