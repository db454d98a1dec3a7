/**
 * `npm run bench:dashboard`: the super-client dashboard under load, from the local cache, while
 * GLPI answers normally, then 2,000 ms slower, then not at all — and, for comparison, a bench-only
 * direct integration asking GLPI at request time (bench/direct-dashboard-server.ts).
 * One entity with 10,000 assets and 5,000 tickets, synced into its own database
 * (`ytech_bench_dashboard`) and Redis prefix; 50 connections for 20 s per run (autocannon), after an
 * unrecorded warm-up of each target.
 * Prints p50/p95/p99 and requests per second, writes bench/results/dashboard.json. Not a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, type Measure } from './load-run';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
const webPort = Number(process.env.BENCH_WEB_PORT ?? 3290);
const directPort = webPort + 1;
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
// A web process that has just started runs cold code (V8 optimizes what runs often): each target is
// driven for this long first, unrecorded, as production traffic would have done.
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const scale = { assets: Number(process.env.BENCH_ASSETS ?? 10_000), tickets: Number(process.env.BENCH_TICKETS ?? 5_000) };
// As production runs it: one web process per core (docs/decisions/013-web-request-costs.md).
const webProcesses = Number(process.env.WEB_CONCURRENCY ?? availableParallelism());
Object.assign(process.env, {
  DATABASE_URL: `${serverUrl}/ytech_bench_dashboard`, REDIS_PREFIX: 'ytech-bench-dashboard', NODE_ENV: 'production', WEB_CONCURRENCY: String(webProcesses),
  PORT: String(webPort), APP_URL: `http://localhost:${webPort}`, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});

const { createDatabase } = await import('../db/create-database');
const { createMigrator } = await import('../db/migrator');
const { seedCatalog } = await import('../db/seeds/seed-catalog');
const { sequelize } = await import('../server/db/sequelize');
const { Company, GlpiCompanyLink, Service, Subscription, User } = await import('../server/db/models');
const { hashPassword } = await import('../server/auth/password-hash');
const { closeRedis, redis } = await import('../server/redis');
const { pino } = await import('pino');
const { GlpiSessionPool } = await import('../worker/glpi/glpi-session-pool');
const { CircuitBreaker } = await import('../worker/sync/circuit-breaker');
const { syncCompany } = await import('../worker/sync/sync-company');
const { defaultSyncOptions } = await import('../worker/sync/sync-context');

const children: ChildProcess[] = [];
const tsx = path.join(root, 'node_modules/.bin/tsx');
function start(name: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const child = spawn(args[0]!, args.slice(1), { cwd: root, env: { ...env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolve(match[1] ?? match[0]);
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}): ${out.slice(-2000)}`)));
  });
}
const stopAll = () => { for (const child of children) child.kill('SIGTERM'); };
process.on('exit', stopAll);

// --- GLPI: one client entity with the whole park --------------------------------------------------
const entityName = 'Bench Logistique SARL';
const simUrl = await start('simulator', [tsx, 'tools/glpi-sim/main.ts', '--port', '0', '--entities', '0', '--named', entityName,
  '--assets', String(scale.assets), '--tickets', String(scale.tickets)], /GLPI simulator on (\S+)/);
const control = simUrl.replace(/\/apirest\.php$/, '/_control');
const knobs = async (body: Record<string, unknown>) => {
  const response = await fetch(`${control}/knobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`knobs: ${response.status}`);
};
const entities = (await (await fetch(`${control}/entities`)).json()) as Array<{ id: number; name: string }>;
const entityId = entities.find((row) => row.name === entityName)!.id;

// --- platform data: database, the client, its subscription, the first sync -----------------------
await createDatabase(process.env.DATABASE_URL!, { dropFirst: true });
await createMigrator(sequelize).up();
await seedCatalog();
await clearRedisPrefix();
const company = await Company.create({ name: entityName, sector: 'Transport et logistique', employeeRange: '51-100', address: 'Alger', phone: '+21321000000' });
await GlpiCompanyLink.create({ companyId: company.id, glpiEntityId: entityId, glpiEntityName: entityName, provisioningState: 'done', lastError: null, provisionedAt: new Date() });
const password = 'Bench-dashboard-2026';
await User.create({ email: 'bench@bench-logistique.dz', passwordHash: await hashPassword(password), firstName: 'Bench', lastName: 'Client', phone: '+213551000000', role: 'client', companyId: company.id });
const full = await Service.findOne({ where: { code: 'full' }, rejectOnEmpty: true });
const startAt = new Date(Date.now() - 30 * 86_400_000);
await Subscription.create({ companyId: company.id, serviceId: full.id, tierMaxQty: 50, monthlyPriceDa: 240_000, months: 12, startAt, endAt: new Date(startAt.getTime() + 365 * 86_400_000) });

const logger = pino({ level: 'warn' });
const pool = new GlpiSessionPool({ config: { baseUrl: simUrl, userToken: 'glpi-sim-user-token', maxConcurrent: 4, maxPerSecond: 10_000, timeoutMs: 10_000, retries: 0 }, logger, maxSessions: 2 });
const syncCtx = { pool, logger, stop: { stopping: false }, options: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 }, breaker: new CircuitBreaker({ threshold: 3, probeAfterMs: 5_000 }) };
const synced = Date.now();
await syncCompany(syncCtx, { companyId: company.id });
console.log(`synced ${scale.assets} assets and ${scale.tickets} tickets in ${((Date.now() - synced) / 1000).toFixed(1)} s`);

// --- the production web server and the direct variant ---------------------------------------------
if (process.env.BENCH_SKIP_BUILD !== '1') await run([path.join(root, 'node_modules/.bin/remix'), 'build']);
// Its log is JSON at LOG_LEVEL; readiness is its health check.
void start('web', [tsx, 'server/http/main.ts'], /(?!)/).catch((error: unknown) => { console.error(error); process.exit(1); });
await waitFor(`http://localhost:${webPort}/healthz`);
await start('direct', [tsx, 'bench/direct-dashboard-server.ts', String(directPort), simUrl, 'glpi-sim-user-token', String(entityId)], /direct dashboard on/);
const login = await fetch(`http://localhost:${webPort}/api/trpc/auth.login`, {
  method: 'POST', headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${webPort}` },
  body: JSON.stringify({ json: { email: 'bench@bench-logistique.dz', password } }),
});
const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
if (!login.ok || !cookie) throw new Error(`log-in failed: ${login.status}`);

// The worker keeps syncing during the runs, as in production: it meets the slow or dead GLPI, the web does not.
await start('sync loop', [tsx, 'bench/sync-loop.ts', simUrl, String(company.id)], /sync loop started/);

const web = `http://localhost:${webPort}`;
const targets = { procedure: `${web}/api/trpc/portal.dashboard.get`, page: `${web}/portal/dashboard` };
const states = { normal: { latencyMs: 0, down: false }, slow: { latencyMs: 2_000, down: false }, down: { latencyMs: 0, down: 'reset' } } as const;
const results: Record<string, Record<string, Measure>> = { procedure: {}, page: {}, direct: {} };
if (warmupSeconds > 0) {
  for (const [target, url] of Object.entries(targets)) await load({ url, headers: { cookie }, connections, seconds: warmupSeconds, label: `${target} (warm-up)` });
}
for (const [state, knob] of Object.entries(states)) {
  await knobs(knob);
  for (const [target, url] of Object.entries(targets)) {
    results[target]![state] = await load({ url, headers: { cookie }, connections, seconds, label: `${target} (${state})` });
  }
  if (state !== 'down') results.direct![state] = await load({ url: `http://127.0.0.1:${directPort}/`, connections, seconds, label: `direct (${state})` });
}
await knobs({ latencyMs: 0, down: false });

const p95 = (target: string) => Object.fromEntries(Object.entries(results[target]!).map(([state, measure]) => [state, measure.p95_ms]));
const summary = {
  machine: { cpus: cpus().length, node: process.version, web_processes: webProcesses },
  scale: { ...scale, connections, seconds, warmup_seconds: warmupSeconds },
  procedure_p95_ms: p95('procedure'),
  page_p95_ms: p95('page'),
  direct_p95_ms: results.direct!.slow!.p95_ms,
  direct_p95_ms_by_state: p95('direct'),
  speedup_vs_direct: Math.round((results.direct!.slow!.p95_ms / Math.max(results.procedure!.slow!.p95_ms, 0.001)) * 10) / 10,
  speedup_page_vs_direct: Math.round((results.direct!.slow!.p95_ms / Math.max(results.page!.slow!.p95_ms, 0.001)) * 10) / 10,
  targets: { procedure_p95_ms: 25, page_p95_ms: 100, speedup_vs_direct: 50 },
  runs: results,
};
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(path.join(root, 'bench/results/dashboard.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify({ procedure_p95_ms: summary.procedure_p95_ms, page_p95_ms: summary.page_p95_ms, direct_p95_ms: summary.direct_p95_ms, speedup_vs_direct: summary.speedup_vs_direct }, null, 2));
console.log('written to bench/results/dashboard.json');

await pool.close();
await clearRedisPrefix();
await closeRedis();
await sequelize.close();
stopAll();
process.exit(0);

async function clearRedisPrefix(): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis().scan(cursor, 'MATCH', 'ytech-bench-dashboard:*', 'COUNT', 1000);
    if (keys.length) await redis().del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(args[0]!, args.slice(1), { cwd: root, env: process.env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never answered`);
}
