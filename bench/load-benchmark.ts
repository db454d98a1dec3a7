/**
 * `npm run bench:load`: the CAPACITY of the platform — the highest rate of page views per second it
 * sustains with p95 ≤ 200 ms — under a realistic load: 200 client companies with distinct parks,
 * tickets and documents, users who think between pages (exponential, mean 10 s) and take a mix of
 * dashboards, filtered park lists, ticket lists, tickets, ticket creation, documents and PDFs, as
 * full documents or in-app `.data` navigations. The rate is stepped up (more users at the same
 * think time: 25 views/s, doubled until p95 passes 200 ms or more than 1 % fail, then the gap
 * halved twice; at most BENCH_MAX_STEPS steps), so that a run takes about 5 minutes on a quiet machine.
 *
 * Everything runs as its own process, as shipped: the production build's web server
 * (WEB_CONCURRENCY processes), the worker (`npm run worker`'s heap settings, syncing all along),
 * a private MariaDB and Redis (so their CPU is theirs alone), the GLPI simulator, and the load
 * generators. The CPU each used during each step is read from /proc, with the machine's load.
 *
 * BENCH_WEB_PROCESSES=1,2 measures the capacity with one and then two web processes (scale-out).
 * `-- --topology replica` runs it on a MariaDB primary and its replica with two workers
 * (bench/load-topology.ts; web processes 1,2 unless BENCH_WEB_PROCESSES says otherwise) and writes
 * bench/results/load-replica.json instead.
 * Other knobs: BENCH_COMPANIES, BENCH_USERS_PER_COMPANY, BENCH_THINK_SECONDS, BENCH_RATES (fixed steps),
 * BENCH_STEP_SECONDS, BENCH_RAMP_SECONDS, BENCH_GENERATORS, BENCH_SKIP_BUILD=1, BENCH_SHARED_SERVERS=1.
 * Writes bench/results/load.json. Not a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { runStep, startProcess, waitForUrl } from '../scripts/stack/run-step';
import { buildShippedWorker, shippedWorker } from '../scripts/stack/shipped-worker';
import { webProcessV8Flags } from '../server/http/web-process-flags';
import { startMailCatcher } from '../tools/mail-catcher/main';
import { freePort } from '../tests/support/free-port';
import { startPrivateMariadb, startPrivateRedis } from '../tests/support/private-services';
import type { BenchUser, GeneratorPlan, GeneratorReport, Sample } from './load-generator';
import { startReplicaTopology, topologyOf, type ReplicaStepFigures } from './load-topology';
import { limiterOf } from './limiter-run';
import { machineState } from './machine-state';
import { cpuSeconds, leafProcesses, machineCpu, memoryMb, processTree, withCommand } from './process-cpu';

const numberList = (text: string) =>
  text
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const topology = topologyOf(process.argv.slice(2));
const settings = {
  companies: Number(process.env.BENCH_COMPANIES ?? 200),
  usersPerCompany: Number(process.env.BENCH_USERS_PER_COMPANY ?? 25),
  thinkSeconds: Number(process.env.BENCH_THINK_SECONDS ?? 10),
  // Fixed steps if given; otherwise the search below (from 25 views/s, doubling, then halving the gap).
  rates: numberList(process.env.BENCH_RATES ?? ''),
  maxSteps: Number(process.env.BENCH_MAX_STEPS ?? 7),
  stepSeconds: Number(process.env.BENCH_STEP_SECONDS ?? 15),
  rampSeconds: Number(process.env.BENCH_RAMP_SECONDS ?? 5),
  generators: Number(process.env.BENCH_GENERATORS ?? 2),
  webProcesses: numberList(process.env.BENCH_WEB_PROCESSES ?? (topology === 'replica' ? '1,2' : (process.env.WEB_CONCURRENCY ?? '2'))),
  workers: topology === 'replica' ? 2 : 1,
  documentShare: 0.3,
  p95TargetMs: 200,
  maxErrorShare: 0.01,
};
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const shipped = shippedWorker(root);
const startedAt = new Date();
const machineBefore = machineState();

const shared = process.env.BENCH_SHARED_SERVERS === '1' && topology === 'single';
const compare = process.env.BENCH_COMPARE === '1' && topology === 'single';
const replicaTopology = topology === 'replica' ? await startReplicaTopology('ytech_bench_load') : null;
// The private servers' own settings: a buffer pool that holds the bench's data, no binary log.
const mariadb = shared
  ? null
  : (replicaTopology?.pair.primary ??
    (await startPrivateMariadb({ replicationArgs: () => ['--skip-log-bin', '--innodb-buffer-pool-size=256M', '--max-connections=500'] })));
const redisServer = shared ? null : await startPrivateRedis();
const serverUrl = mariadb?.url ?? (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
const [webPort, smtpPort, mailHttpPort, glpiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
const appUrl = `http://127.0.0.1:${webPort}`;
const perEntity = { assets: 60, tickets: 30 };
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  PORT: String(webPort),
  APP_URL: appUrl,
  DATABASE_URL: `${serverUrl}/ytech_bench_load`,
  REDIS_URL: redisServer?.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: 'ytech-bench-load',
  UPLOAD_DIR: await mkdtemp(path.join(tmpdir(), 'ytech-bench-')),
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtpPort),
  GLPI_URL: `http://127.0.0.1:${glpiPort}/apirest.php`,
  GLPI_USER_TOKEN: 'glpi-sim-user-token',
  GLPI_APP_TOKEN: '',
  GLPI_PARENT_ENTITY_ID: '1',
  GLPI_UTC_OFFSET_MINUTES: '0',
};
// The worker's limiter as shipped (decision 290), so that its CPU during the steps is what a
// deployment's is: the issue asks for web and worker as they are shipped.
for (const name of ['GLPI_MAX_PER_SECOND', 'GLPI_MAX_CONCURRENT', 'GLPI_MAX_SESSIONS']) delete env[name];
const workerLimiter = limiterOf({});
Object.assign(process.env, env);

const children: ChildProcess[] = [];
const stopChild = (child: ChildProcess) =>
  child.exitCode === null && child.signalCode === null
    ? new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      })
    : Promise.resolve();
const { benchCompanyName, benchUsers, createBenchCompanies, waitForWorker } = await import('./load-data');
const { closeQueues } = await import('../server/jobs/queues');
const { sequelize } = await import('../server/db/sequelize');
// The config is parsed when first imported: a static import that reaches it would have read the
// environment before the lines above set it, and the bench would write into another database.
if (sequelize.getDatabaseName() !== 'ytech_bench_load') throw new Error(`bench:load is connected to ${sequelize.getDatabaseName()}`);
const { closeRedis } = await import('../server/redis');
const catcher = await startMailCatcher({ smtpPort, httpPort: mailHttpPort });

try {
  await runStep('database reset', [tsx, 'scripts/stack/reset-database.ts'], env);
  await runStep('migrations', [tsx, 'db/migrate.ts', 'up'], env);
  await runStep('seed', [tsx, 'db/seed.ts'], env);
  const names = Array.from({ length: settings.companies }, (_, i) => benchCompanyName(i)).join(';');
  const simulator = startProcess(
    'glpi-sim',
    [
      tsx,
      'tools/glpi-sim/main.ts',
      '--port',
      String(glpiPort),
      '--entities',
      '0',
      '--named',
      names,
      '--assets',
      String(perEntity.assets * settings.companies),
      '--tickets',
      String(perEntity.tickets * settings.companies),
    ],
    env,
  );
  children.push(simulator);
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    await runStep('build', [path.join(root, 'node_modules/.bin/remix'), 'build'], env);
    await buildShippedWorker(env, root);
  }
  // As `npm run worker` starts it (package.json): its bundle, heap limits included.
  const workers = Array.from({ length: settings.workers }, () => startProcess('worker', shipped.command, env));
  children.push(...workers);

  let setup = Date.now();
  const companyIds = await createBenchCompanies(settings.companies);
  console.log(
    `${companyIds.length} companies through the pipeline in ${((Date.now() - setup) / 1000).toFixed(0)} s; waiting for provisioning, first syncs, PDFs and mails…`,
  );
  setup = Date.now();
  await waitForWorker(companyIds);
  console.log(`worker done in ${((Date.now() - setup) / 1000).toFixed(0)} s`);
  const users = await benchUsers(companyIds, settings.usersPerCompany);
  console.log(`${users.length} signed-in users`);

  const mariadbOn = (port: number) => withCommand(processTree(process.pid), `--port=${port}`);
  const servers: Record<string, number[]> = {
    ...(replicaTopology
      ? { mariadb_primary: mariadbOn(replicaTopology.pair.primary.port), mariadb_replica: mariadbOn(replicaTopology.pair.replica.port) }
      : { mariadb: mariadb ? withCommand(processTree(process.pid), 'mariadbd') : [] }),
    redis: redisServer ? withCommand(processTree(process.pid), 'redis-server') : [],
  };
  if (compare) await compareCaches(workers, simulator, servers, users);
  // Written after each number of web processes: a run that dies later (a web process that does not
  // start on a loaded machine) keeps what it measured.
  const writeResults = async (runs: Run[]) => {
    const defaultRun = settings.companies === 200 && settings.stepSeconds === 15 && settings.maxSteps === 7 && !settings.rates.length;

    const result = {
      what: 'capacity: highest page views/s served at p95 ≤ 200 ms with ≤ 1 % errors, rate stepped up by adding users at a fixed think time',
      measured_at: startedAt.toISOString(),
      machine_before: machineBefore,
      machine_after: machineState(),
      note: "each step carries the machine's busy cores, the cores used by work other than the bench's processes (machine.other_work_cores) and the load average, beside the platform's own CPU",
      conditions: {
        companies: settings.companies,
        users_per_company: settings.usersPerCompany,
        park_per_company: perEntity,
        think_time: `exponential, mean ${settings.thinkSeconds} s`,
        users_at_rate: `rate × ${settings.thinkSeconds}`,
        mix_percent: {
          dashboard: 20,
          'park-list (filters, sorts, pages)': 25,
          'tickets-list (filters)': 18,
          ticket: 15,
          'create-ticket (form POST)': 2,
          documents: 14,
          'pdf-invoice': 3,
          'pdf-proforma': 3,
        },
        document_share: settings.documentShare,
        navigation_share: 1 - settings.documentShare,
        step_seconds: settings.stepSeconds,
        ramp_seconds: settings.rampSeconds,
        generators: settings.generators,
        glpi: `simulator answering normally; ${settings.workers === 1 ? 'the worker syncs' : `${settings.workers} workers sync`} all along, its limiter as shipped (${JSON.stringify(workerLimiter)})`,
        servers: replicaTopology
          ? `${replicaTopology.servers}; private Redis; web processes read the replica through DATABASE_REPLICA_URLS (decision 070)`
          : shared
            ? "the machine's shared MariaDB and Redis"
            : 'private MariaDB (buffer pool 256 MB) and Redis started by the bench',
        web_process_v8_flags: webProcessV8Flags.join(' '),
        worker: `${settings.workers === 1 ? '' : `${settings.workers} workers, each `}node ${shipped.nodeFlags.join(' ')} ${path.relative(root, shipped.script)} (npm run worker)`,
        ...(replicaTopology && {
          topology: 'replica',
          run: defaultRun
            ? `the default run: at most ${settings.maxSteps} steps of ${settings.rampSeconds} + ${settings.stepSeconds} s per number of web processes`
            : `shorter than the default run (200 companies, 7 steps of 15 s): ${settings.companies} companies, at most ${settings.maxSteps} steps of ${settings.rampSeconds} + ${settings.stepSeconds} s${settings.rates.length ? `, fixed rates ${settings.rates.join(', ')}/s` : ''}`,
        }),
      },
      target: { page_views_per_s: 300, p95_ms: settings.p95TargetMs, web_rss_mb_per_process: 400 },
      capacity_by_web_processes: Object.fromEntries(runs.map((run) => [run.web_processes, run.capacity_page_views_per_s])),
      // On the replica topology each capacity comes with its conditions and what the replica did at that step.
      ...(replicaTopology && { capacity_with_conditions: runs.map(capacityWithConditions) }),
      runs,
    };
    const file = `bench/results/${replicaTopology ? 'load-replica' : 'load'}.json`;
    await mkdir(path.join(root, 'bench/results'), { recursive: true });
    if (!compare) await writeFile(path.join(root, file), `${JSON.stringify(result, null, 2)}\n`);
    return { file, result };
  };
  const runs: Run[] = [];
  let written = { file: '', result: { capacity_by_web_processes: {} } };
  for (const webProcesses of compare ? [] : settings.webProcesses) {
    const web = await startWeb(webProcesses, replicaTopology?.webEnv ?? {});
    const steps = [];
    // Unrecorded: a process that has just started runs cold code.
    await step(web, workers, simulator, servers, users, settings.rates[0] ?? 25, webProcesses, true);
    const next = nextRate(settings.rates, Math.floor(users.length / settings.thinkSeconds));
    for (let rate = next(null); rate !== null && steps.length < settings.maxSteps; rate = next(steps.at(-1)!.sustained)) {
      const result = await step(web, workers, simulator, servers, users, rate, webProcesses, false);
      steps.push(result);
      console.log(
        `${String(rate).padStart(4)}/s offered: ${result.page_views_per_s}/s served, p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, ${result.errors} errors; CPU cores used ${JSON.stringify(result.cpu_cores)}; machine busy ${result.machine.busy_cores} cores`,
      );
      if (result.replica)
        console.log(
          `      replica served ${result.replica.replica_share_of_web_reads_percent} % of the web's SELECTs; lag max ${result.replica.lag_s.heartbeat_max} s (heartbeat), ${result.replica.lag_s.seconds_behind_master_max} s (Seconds_Behind_Master)`,
        );
    }
    await stopChild(web);
    const sustained = steps.filter((s) => s.sustained);
    const best = sustained.at(-1) ?? null;
    runs.push({
      web_processes: webProcesses,
      capacity_page_views_per_s: best?.page_views_per_s ?? 0,
      capacity_step: best?.offered_per_s ?? null,
      steps,
    });
    written = await writeResults(runs);
  }
  console.log(`capacity by web processes: ${JSON.stringify(written.result.capacity_by_web_processes)} page views/s — ${written.file}`);
} finally {
  for (const child of children.reverse()) await stopChild(child);
  await closeQueues().catch(() => undefined);
  await sequelize.close().catch(() => undefined);
  await closeRedis().catch(() => undefined);
  await catcher.close();
  await rm(env.UPLOAD_DIR!, { recursive: true, force: true });
  await redisServer?.destroy();
  await (replicaTopology ? replicaTopology.close() : mariadb?.destroy());
}
process.exit(0);

type Run = {
  web_processes: number;
  capacity_page_views_per_s: number;
  capacity_step: number | null;
  steps: Array<ReturnType<typeof summarize>>;
};

function capacityWithConditions(run: Run) {
  const best = run.steps.filter((s) => s.sustained).at(-1);
  const firstFailed = run.steps.find((s) => !s.sustained);
  return {
    web_processes: run.web_processes,
    workers: settings.workers,
    capacity_page_views_per_s: run.capacity_page_views_per_s,
    at_step: best && {
      offered_per_s: best.offered_per_s,
      users: best.users,
      think_time_mean_s: best.think_time_mean_s,
      companies: settings.companies,
      p50_ms: best.p50_ms,
      p95_ms: best.p95_ms,
      errors: best.errors,
      replica: best.replica,
      load_average_1_5_15: best.machine.load_average_1_5_15,
      machine_busy_cores: best.machine.busy_cores,
      other_work_cores: best.machine.other_work_cores,
    },
    first_failed_step: firstFailed && {
      offered_per_s: firstFailed.offered_per_s,
      page_views_per_s: firstFailed.page_views_per_s,
      p95_ms: firstFailed.p95_ms,
      errors: firstFailed.errors,
      load_average_1_5_15: firstFailed.machine.load_average_1_5_15,
    },
    glpi: 'simulator answering normally, synced all along',
  };
}

/**
 * The rates to try: the fixed list until a step fails; or a search — 25 views/s, doubled while
 * sustained (halved while not, down to 2), then the middle of the gap between the best sustained
 * and the lowest failed rate, twice. Each step costs BENCH_RAMP_SECONDS + BENCH_STEP_SECONDS.
 */
function nextRate(fixed: number[], maxRate: number) {
  let current = 0;
  let best = 0;
  let failed = Infinity;
  let refinements = 0;
  return (sustained: boolean | null): number | null => {
    if (fixed.length) {
      if (sustained === false) return null;
      const rate = sustained === null ? fixed[0]! : fixed[fixed.indexOf(current) + 1];
      return rate === undefined ? null : (current = rate);
    }
    if (sustained === null) return (current = 25);
    if (sustained) best = Math.max(best, current);
    else failed = Math.min(failed, current);
    if (failed === Infinity) return current >= maxRate ? null : (current = Math.min(current * 2, maxRate));
    if (best === 0) return current <= 2 ? null : (current = Math.max(2, Math.floor(current / 2)));
    if (refinements >= 2 || failed - best <= Math.max(2, best * 0.1)) return null;
    refinements += 1;
    return (current = Math.round((best + failed) / 2));
  };
}

async function startWeb(webProcesses: number, overlay: Record<string, string>): Promise<ChildProcess> {
  const web = startProcess('web', [tsx, 'server/http/main.ts'], { ...env, ...overlay, WEB_CONCURRENCY: String(webProcesses) });
  children.push(web);
  // A loaded machine (other work on the same cores) can take minutes to start the processes.
  await waitForUrl(`${appUrl}/healthz`, 300_000);
  return web;
}

/**
 * BENCH_COMPARE=1: the web's per-process caches on and off (docs/decisions/150-web-caches-on-a-realistic-load.md)
 * at one rate, BENCH_COMPARE_RATE, each variant twice in alternation so that a change in the
 * machine's other load falls on both. The figure that matters is the CPU each page view costs; it
 * means something only below saturation (p95 within the target), so keep the rate low on a busy
 * machine. Writes bench/results/web-caches.json.
 */
async function compareCaches(workers: ChildProcess[], simulator: ChildProcess, servers: Record<string, number[]>, users: BenchUser[]) {
  const rate = Number(process.env.BENCH_COMPARE_RATE ?? 40);
  const webProcesses = settings.webProcesses[0]!;
  const variants: Record<string, Record<string, string>> = {
    'local caches on (as shipped)': {},
    'local caches off (sessions, subscriptions, unread counts read from MySQL)': { BENCH_LOCAL_CACHES: 'off' },
  };
  const runs: Record<string, Array<ReturnType<typeof summarize>>> = {};
  for (let round = 0; round < 2; round += 1) {
    for (const [name, overlay] of Object.entries(variants)) {
      const web = await startWeb(webProcesses, overlay);
      await step(web, workers, simulator, servers, users, rate, webProcesses, true);
      const result = await step(web, workers, simulator, servers, users, rate, webProcesses, false);
      await stopChild(web);
      (runs[name] ??= []).push(result);
      console.log(
        `${name}: ${result.page_views_per_s}/s, p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, CPU ms per view ${JSON.stringify(result.cpu_ms_per_page_view)}, machine busy ${result.machine.busy_cores}`,
      );
    }
  }
  const mean = (list: number[]) => Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 10) / 10;
  const result = {
    what: "the web's per-process caches on and off under the realistic load of bench:load, at one rate; CPU per page view by process",
    measured_at: startedAt.toISOString(),
    machine_before: machineBefore,
    machine_after: machineState(),
    conditions: {
      rate_per_s: rate,
      web_processes: webProcesses,
      companies: settings.companies,
      think_time: `exponential, mean ${settings.thinkSeconds} s`,
      step_seconds: settings.stepSeconds,
      rounds: 2,
    },
    summary: Object.fromEntries(
      Object.entries(runs).map(([name, list]) => [
        name,
        {
          web_cpu_ms_per_view: mean(list.map((r) => r.cpu_ms_per_page_view.web ?? 0)),
          mariadb_cpu_ms_per_view: mean(list.map((r) => r.cpu_ms_per_page_view.mariadb ?? 0)),
          redis_cpu_ms_per_view: mean(list.map((r) => r.cpu_ms_per_page_view.redis ?? 0)),
          p50_ms: mean(list.map((r) => r.p50_ms)),
          p95_ms: mean(list.map((r) => r.p95_ms)),
          machine_busy_cores: mean(list.map((r) => r.machine.busy_cores)),
        },
      ]),
    ),
    runs,
  };
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(path.join(root, 'bench/results/web-caches.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result.summary, null, 2));
}

async function step(
  web: ChildProcess,
  workers: ChildProcess[],
  simulator: ChildProcess,
  servers: Record<string, number[]>,
  allUsers: BenchUser[],
  rate: number,
  webProcesses: number,
  warmup: boolean,
) {
  const users = allUsers.slice(0, Math.round(rate * settings.thinkSeconds));
  if (users.length < Math.round(rate * settings.thinkSeconds))
    throw new Error(`${rate}/s needs ${Math.round(rate * settings.thinkSeconds)} users; raise BENCH_USERS_PER_COMPANY`);
  const seconds = warmup ? 10 : settings.stepSeconds;
  const dir = await mkdtemp(path.join(tmpdir(), 'ytech-load-'));
  const generators = await Promise.all(
    Array.from({ length: settings.generators }, async (_, g) => {
      const plan: GeneratorPlan = {
        appUrl,
        users: users.filter((_, i) => i % settings.generators === g),
        thinkSeconds: settings.thinkSeconds,
        rampSeconds: settings.rampSeconds,
        seconds,
        documentShare: settings.documentShare,
      };
      const file = path.join(dir, `plan-${g}.json`);
      await writeFile(file, JSON.stringify(plan));
      const child = spawn(tsx, ['bench/load-generator.ts', file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      return {
        child,
        done: new Promise<GeneratorReport>((resolve, reject) =>
          child.on('exit', (code) =>
            code === 0 ? resolve(JSON.parse(out) as GeneratorReport) : reject(new Error(`load generator exited ${code}`)),
          ),
        ),
      };
    }),
  );
  await new Promise((r) => setTimeout(r, settings.rampSeconds * 1000));
  const trees = {
    web: processTree(web.pid!),
    worker: workers.flatMap((worker) => processTree(worker.pid!)),
    ...servers,
    glpi_simulator: processTree(simulator.pid!),
    load_generators: generators.flatMap((g) => processTree(g.child.pid!)),
  };
  const cpuBefore = Object.fromEntries(Object.entries(trees).map(([name, pids]) => [name, cpuSeconds(pids)]));
  const machineCpuBefore = machineCpu();
  const loadBefore = machineState().load_average_1_5_15;
  const replicaWatch = warmup ? undefined : await replicaTopology?.watch(appUrl);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const replica = await replicaWatch?.();
  const cpu = Object.fromEntries(
    Object.entries(trees).map(([name, pids]) => [name, Math.round(((cpuSeconds(pids) - cpuBefore[name]!) / seconds) * 100) / 100]),
  );
  const machineCpuAfter = machineCpu();
  // The processes that serve (server/http/web-process.ts under the cluster's primary, decision 260), not the primary.
  const webMemory = withCommand(leafProcesses(trees.web), 'server/http/web-process.ts')
    .map(memoryMb)
    .filter((m) => m.rss > 0);
  const workerMemory = workers.map((child) => memoryMb(child.pid!));
  const reports = await Promise.all(generators.map((g) => g.done));
  await rm(dir, { recursive: true, force: true });
  if (warmup) return null as never;
  return summarize(rate, users.length, seconds, reports, {
    cpu,
    machineCpu: { before: machineCpuBefore, after: machineCpuAfter },
    loadBefore,
    webMemory,
    webProcesses,
    workerMemory: workers.length === 1 ? workerMemory[0]! : workerMemory,
    replica,
  });
}

function summarize(
  rate: number,
  users: number,
  seconds: number,
  reports: GeneratorReport[],
  extra: {
    cpu: Record<string, number>;
    machineCpu: { before: { busy: number; total: number }; after: { busy: number; total: number } };
    loadBefore: number[];
    webMemory: Array<{ rss: number; peak: number }>;
    webProcesses: number;
    workerMemory: { rss: number; peak: number } | Array<{ rss: number; peak: number }>;
    replica?: ReplicaStepFigures;
  },
) {
  const samples = reports.flatMap((r) => r.samples);
  const errors = reports.flatMap((r) => r.errors);
  const round = (n: number) => Math.round(n * 10) / 10;
  const percentiles = (list: Sample[]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    const at = (p: number) => (sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!) : 0);
    return { count: sorted.length, p50_ms: at(50), p95_ms: at(95), p99_ms: at(99) };
  };
  const group = (key: (s: Sample) => string) => {
    const groups = new Map<string, Sample[]>();
    for (const s of samples) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
    return Object.fromEntries([...groups].map(([name, list]) => [name, percentiles(list)]));
  };
  const all = percentiles(samples);
  const served = round((samples.length + errors.length) / seconds);
  const elapsed = extra.machineCpu.after.total - extra.machineCpu.before.total;
  const cores =
    Math.round(((extra.machineCpu.after.busy - extra.machineCpu.before.busy) / Math.max(elapsed, 0.01)) * cpus().length * 100) / 100;
  const platformCores = Object.values(extra.cpu).reduce((a, b) => a + b, 0);
  const sustained =
    all.p95_ms <= settings.p95TargetMs && errors.length <= settings.maxErrorShare * (samples.length + errors.length) && samples.length > 0;
  return {
    offered_per_s: rate,
    users,
    think_time_mean_s: settings.thinkSeconds,
    web_processes: extra.webProcesses,
    seconds,
    page_views_per_s: served,
    p50_ms: all.p50_ms,
    p95_ms: all.p95_ms,
    p99_ms: all.p99_ms,
    errors: errors.length,
    sustained,
    by_page: group((s) => s.page),
    by_navigation: group((s) => s.navigation),
    cpu_cores: extra.cpu,
    cpu_ms_per_page_view: Object.fromEntries(
      Object.entries(extra.cpu).map(([name, used]) => [name, Math.round(((used * 1000) / Math.max(served, 0.001)) * 10) / 10]),
    ),
    cpu_share_of_platform_percent: Object.fromEntries(
      Object.entries(extra.cpu)
        .filter(([name]) => !['load_generators', 'glpi_simulator'].includes(name))
        .map(([name, used]) => [
          name,
          Math.round((used / Math.max(platformCores - (extra.cpu.load_generators ?? 0) - (extra.cpu.glpi_simulator ?? 0), 0.001)) * 1000) /
            10,
        ]),
    ),
    // What the platform alone would serve on this machine's cores if nothing else ran and CPU were
    // the only limit: the figure to compare with the target when the machine was shared.
    cpu_bound_ceiling_per_s: Math.round(
      cpus().length /
        Math.max((platformCores - (extra.cpu.load_generators ?? 0) - (extra.cpu.glpi_simulator ?? 0)) / Math.max(served, 0.001), 0.0001),
    ),
    machine: {
      busy_cores: cores,
      other_work_cores: Math.round((cores - platformCores) * 100) / 100,
      load_average_1_5_15: extra.loadBefore,
    },
    web_memory_mb: extra.webMemory,
    worker_memory_mb: extra.workerMemory,
    ...(extra.replica && { replica: extra.replica }),
    first_errors: errors.slice(0, 5),
  };
}
