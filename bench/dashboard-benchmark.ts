/**
 * `npm run bench:dashboard`: the super-client dashboard from the local cache while GLPI answers
 * normally, then 2,000 ms slower, then not at all — beside a bench-only direct integration asking
 * GLPI at request time with sessions it keeps (bench/direct-dashboard-server.ts). "normal", "slow"
 * and "down" are the simulator's; "real" is a real GLPI 10.0.12 holding the same 50 clients
 * (bench/dashboard-real-glpi.ts, seeded once; BENCH_REAL_GLPI=0 leaves it out).
 * 50 client companies with distinct parks (10,000 assets and 5,000 tickets spread over them),
 * synced into their own database (`ytech_bench_dashboard`) and Redis prefix; each request is a
 * different company's in turn. The platform is measured three ways: the tRPC procedure, the page
 * as a document (a new tab) and as Remix's single-fetch `.data` request (a click inside the app).
 * 50 connections for BENCH_SECONDS (10) per run (autocannon), after an unrecorded warm-up of each
 * target; then the procedure and the direct variant one view at a time (one connection: a view's
 * own time, no queue on either side). The speedup over the direct variant is given for each GLPI
 * state and each load under its own key.
 * Prints p50/p95/p99 and requests per second, writes bench/results/dashboard.json with the load
 * average beside every run. Not a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webProcessV8Flags } from '../server/http/web-process-flags';
import { freePort } from '../tests/support/free-port';
import { startRealDashboardGlpi } from './dashboard-real-glpi';
import { load, type Measure, type Variant } from './load-run';
import { machineState } from './machine-state';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
const webPort = Number(process.env.BENCH_WEB_PORT ?? (await freePort()));
const directPort = await freePort();
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// A web process that has just started runs cold code (V8 optimizes what runs often): each target is
// driven for this long first, unrecorded, as production traffic would have done.
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const companyCount = Number(process.env.BENCH_COMPANIES ?? 50);
const scale = {
  companies: companyCount,
  assets: Number(process.env.BENCH_ASSETS ?? 10_000),
  tickets: Number(process.env.BENCH_TICKETS ?? 5_000),
};
// As production runs it: one web process per core (docker-compose.yml, docs/decisions/013-web-request-costs.md).
const webProcesses = Number(process.env.WEB_CONCURRENCY ?? availableParallelism());
Object.assign(process.env, {
  DATABASE_URL: `${serverUrl}/ytech_bench_dashboard`,
  REDIS_PREFIX: 'ytech-bench-dashboard',
  NODE_ENV: 'production',
  WEB_CONCURRENCY: String(webProcesses),
  PORT: String(webPort),
  APP_URL: `http://localhost:${webPort}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});

const { createDatabase } = await import('../db/create-database');
const { createMigrator } = await import('../db/migrator');
const { seedCatalog } = await import('../db/seeds/seed-catalog');
const { sequelize } = await import('../server/db/sequelize');
// The config is parsed when first imported: a static import that reaches it would have read the
// environment before the lines above set it, and the bench would write into another database.
if (sequelize.getDatabaseName() !== 'ytech_bench_dashboard')
  throw new Error(`bench:dashboard is connected to ${sequelize.getDatabaseName()}`);
const { Company, GlpiCompanyLink, Service, Subscription, User } = await import('../server/db/models');
const { lucia } = await import('../server/auth/lucia');
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
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('exit', stopAll);

// --- GLPI: 50 client entities, each with its own share of the park -------------------------------
const names = Array.from({ length: companyCount }, (_, i) => `Bench Dashboard ${String(i + 1).padStart(2, '0')}`);
const simUrl = await start(
  'simulator',
  [
    tsx,
    'tools/glpi-sim/main.ts',
    '--port',
    '0',
    '--entities',
    '0',
    '--named',
    names.join(';'),
    '--assets',
    String(scale.assets),
    '--tickets',
    String(scale.tickets),
  ],
  /GLPI simulator on (\S+)/,
);
const control = simUrl.replace(/\/apirest\.php$/, '/_control');
const knobs = async (body: Record<string, unknown>) => {
  const response = await fetch(`${control}/knobs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`knobs: ${response.status}`);
};
const entities = (await (await fetch(`${control}/entities`)).json()) as Array<{ id: number; name: string }>;

// --- platform data: database, the clients, their subscriptions and sessions, the first syncs -------
await createDatabase(process.env.DATABASE_URL!, { dropFirst: true });
await createMigrator(sequelize).up();
await seedCatalog();
await clearRedisPrefix();
const full = await Service.findOne({ where: { code: 'full' }, rejectOnEmpty: true });
const logger = pino({ level: 'warn' });
const pool = new GlpiSessionPool({
  config: { baseUrl: simUrl, userToken: 'glpi-sim-user-token', maxConcurrent: 4, maxPerSecond: 10_000, timeoutMs: 10_000, retries: 0 },
  logger,
  maxSessions: 2,
});
const syncCtx = {
  pool,
  logger,
  stop: { stopping: false },
  options: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 },
  breaker: new CircuitBreaker({ threshold: 3, probeAfterMs: 5_000 }),
};
const clients: Array<{ name: string; companyId: number; entityId: number; cookie: string }> = [];
const synced = Date.now();
for (const [index, name] of names.entries()) {
  const entityId = entities.find((row) => row.name === name)!.id;
  const company = await Company.create({
    name,
    sector: 'Transport et logistique',
    employeeRange: '51-100',
    address: 'Alger',
    phone: '+21321000000',
  });
  await GlpiCompanyLink.create({
    companyId: company.id,
    glpiEntityId: entityId,
    glpiEntityName: name,
    provisioningState: 'done',
    lastError: null,
    provisionedAt: new Date(),
  });
  const user = await User.create({
    email: `bench.${index + 1}@bench-dashboard.dz`,
    passwordHash: 'not-used: the session is opened directly',
    firstName: 'Bench',
    lastName: `Client ${index + 1}`,
    phone: '+213551000000',
    role: 'client',
    companyId: company.id,
  });
  const startAt = new Date(Date.now() - (30 + index) * 86_400_000);
  await Subscription.create({
    companyId: company.id,
    serviceId: full.id,
    tierMaxQty: 50,
    monthlyPriceDa: 240_000,
    months: 12,
    startAt,
    endAt: new Date(startAt.getTime() + 365 * 86_400_000),
  });
  // The session a log-in would have opened: the bench measures the dashboard, not Argon2.
  const session = await lucia.createSession(user.id, {});
  await syncCompany(syncCtx, { companyId: company.id });
  clients.push({ name, companyId: company.id, entityId, cookie: `ytech_session=${session.id}` });
}
console.log(
  `${companyCount} companies synced (${scale.assets} assets and ${scale.tickets} tickets) in ${((Date.now() - synced) / 1000).toFixed(1)} s`,
);

// --- the production web server and the direct variant ---------------------------------------------
if (process.env.BENCH_SKIP_BUILD !== '1') await run([path.join(root, 'node_modules/.bin/remix'), 'build']);
// Its log is JSON at LOG_LEVEL; readiness is its health check.
void start('web', [tsx, 'server/http/main.ts'], /(?!)/).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
await waitFor(`http://localhost:${webPort}/healthz`);
await start('direct', [tsx, 'bench/direct-dashboard-server.ts', String(directPort), simUrl, 'glpi-sim-user-token'], /direct dashboard on/);

// The same clients in a real GLPI, for the direct variant only: the platform never asks GLPI at request time.
const real = process.env.BENCH_REAL_GLPI === '0' ? null : await startRealDashboardGlpi({ root, names, ...scale });
if (real) process.on('exit', () => real.stop());
const directRealPort = await freePort();
if (real)
  await start(
    'direct (real GLPI)',
    [tsx, 'bench/direct-dashboard-server.ts', String(directRealPort), real.url, real.userToken],
    /direct dashboard on/,
  );

// The worker keeps syncing during the runs, as in production: it meets the slow or dead GLPI, the web does not.
await start('sync loop', [tsx, 'bench/sync-loop.ts', simUrl, clients.map((c) => c.companyId).join(',')], /sync loop started/);

const web = `http://localhost:${webPort}`;
const perCompany = (path: string): Variant[] => clients.map((c) => ({ path, headers: { cookie: c.cookie } }));
const targets: Record<string, { url: string; variants: Variant[] }> = {
  procedure: { url: web, variants: perCompany('/api/trpc/portal.dashboard.get') },
  document: { url: web, variants: perCompany('/portal/dashboard') },
  data: { url: web, variants: perCompany('/portal/dashboard.data') },
};
const directOn = (port: number, entityOf: (client: (typeof clients)[number]) => number) => ({
  url: `http://127.0.0.1:${port}`,
  variants: clients.map((c) => ({ path: `/?entity=${entityOf(c)}` })),
});
const direct = directOn(directPort, (c) => c.entityId);
// A GLPI the seed has just written to answers slower than a settled one: that would flatter the platform.
const realMeasured = real !== null && !real.seededNow;
const directReal = realMeasured ? directOn(directRealPort, (c) => real.entityIds.get(c.name)!) : null;
// "real" right after "normal": the worker's sync loop then reads the simulator at full speed in
// both (after "slow" and "down" it is still backing off, which would leave the platform more CPU).
const states = {
  normal: { knob: { latencyMs: 0, down: false }, direct },
  ...(directReal ? { real: { knob: { latencyMs: 0, down: false }, direct: directReal } } : {}),
  slow: { knob: { latencyMs: 2_000, down: false }, direct },
  down: { knob: { latencyMs: 0, down: 'reset' }, direct },
};
type Run = Measure & { load_average_1_5_15: number[] };
type Runs = Record<string, Record<string, Run>>;
const results: Runs = { procedure: {}, document: {}, data: {}, direct: {} };
const oneAtATime: Runs = { procedure: {}, direct: {} };
const measure = async (target: { url: string; variants: Variant[] }, label: string, at = connections): Promise<Run> => {
  const loadAverage = machineState().load_average_1_5_15;
  const run = { ...(await load({ ...target, connections: at, seconds, label })), load_average_1_5_15: loadAverage };
  await drained(target.url);
  return run;
};
const machineBefore = machineState();
if (warmupSeconds > 0) {
  for (const [name, target] of Object.entries({ ...targets, direct, ...(directReal ? { 'direct (real GLPI)': directReal } : {}) })) {
    // The real GLPI's first views open 4 sessions each (200 in all): they take longer than the others' warm-up.
    const warm = target === directReal ? Math.max(warmupSeconds, 30) : warmupSeconds;
    await load({ ...target, connections, seconds: warm, label: `${name} (warm-up)` });
    await drained(target.url);
  }
}
for (const [state, { knob, direct: directTarget }] of Object.entries(states)) {
  await knobs(knob);
  for (const [name, target] of Object.entries(targets)) results[name]![state] = await measure(target, `${name} (${state})`);
  results.direct![state] = await measure(directTarget, `direct (${state})`);
  oneAtATime.procedure![state] = await measure(targets.procedure!, `procedure (${state}, 1 conn.)`, 1);
  oneAtATime.direct![state] = await measure(directTarget, `direct (${state}, 1 conn.)`, 1);
}
await knobs({ latencyMs: 0, down: false });

const p95 = (runs: Runs, target: string) => Object.fromEntries(Object.entries(runs[target]!).map(([state, run]) => [state, run.p95_ms]));
// How many times faster the platform's p95 is than the direct variant's, GLPI state by state. When
// GLPI is down the direct variant answers nothing but errors: there is no ratio, only its error count.
const speedup = (runs: Runs, target: string) =>
  Object.fromEntries(
    Object.keys(states).map((state) => {
      const directRun = runs.direct![state]!;
      const answered = directRun.requests - directRun.errors - directRun.non2xx > 0;
      return [state, answered ? Math.round((directRun.p95_ms / Math.max(runs[target]![state]!.p95_ms, 0.001)) * 10) / 10 : null];
    }),
  );
const summary = {
  measured_at: new Date().toISOString(),
  machine_before: machineBefore,
  machine_after: machineState(),
  note: "each run carries the load average when it started: the bench's own 50 connections raise it, and any other work on the machine shows there too",
  conditions: {
    ...scale,
    web_processes: webProcesses,
    web_process_v8_flags: webProcessV8Flags.join(' '),
    connections,
    seconds,
    warmup_seconds: warmupSeconds,
    requests: "each request is the next company's in turn (its own session, its own data)",
    direct_variant:
      "sessions kept per entity, each already switched to its entity; a view sends its 14 GLPI requests at once over 4 of them (as many as the real GLPI's PHP workers; a little faster there than one session)",
    worker: 'a sync loop over all companies every 2 s during the runs',
    glpi_states: {
      normal: 'simulator, no added latency',
      slow: '2,000 ms added to every GLPI request',
      down: 'connections reset',
      real: real
        ? realMeasured
          ? `a real GLPI 10.0.12 (PHP built-in server, 4 workers, on this machine's 2 cores and MariaDB), the same ${companyCount} clients with ${scale.assets / companyCount} assets and ${scale.tickets / companyCount} tickets each, settled (seeded by an earlier run)`
          : 'not measured: this run seeded the real GLPI, whose MariaDB was still working off the writes; run again'
        : 'not measured (BENCH_REAL_GLPI=0)',
    },
    one_at_a_time: 'one connection: each view waits for the one before (no queue on either side); the same seconds per run',
  },
  p95_ms: {
    procedure: p95(results, 'procedure'),
    document: p95(results, 'document'),
    data: p95(results, 'data'),
    direct: p95(results, 'direct'),
  },
  speedup_vs_direct: { procedure: speedup(results, 'procedure'), document: speedup(results, 'document'), data: speedup(results, 'data') },
  one_at_a_time: {
    p95_ms: { procedure: p95(oneAtATime, 'procedure'), direct: p95(oneAtATime, 'direct') },
    speedup_vs_direct: { procedure: speedup(oneAtATime, 'procedure') },
  },
  direct_errors_when_down: results.direct!.down!.errors + results.direct!.down!.non2xx,
  targets: { procedure_speedup_normal: 50, procedure_speedup_slow: 200, down: 'platform unchanged' },
  runs: results,
  runs_one_at_a_time: oneAtATime,
};
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(path.join(root, 'bench/results/dashboard.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  JSON.stringify({ p95_ms: summary.p95_ms, speedup_vs_direct: summary.speedup_vs_direct, one_at_a_time: summary.one_at_a_time }, null, 2),
);
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

/** Until the direct variant has no view left asking GLPI (autocannon stops waiting, not the views it started). */
async function drained(url: string): Promise<void> {
  if (url === web) return;
  const started = Date.now();
  while (((await (await fetch(`${url}/_inflight`)).json()) as { inFlight: number }).inFlight > 0) {
    if (Date.now() - started > 300_000) throw new Error(`${url}: views still running after 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never answered`);
}
