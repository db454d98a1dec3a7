/**
 * `npm run bench:sync -- --real`: the sync against a REAL GLPI 10.0.12 (../shared/glpi-real), with
 * the worker's shipped settings (limiter, concurrency, page sizes, no expand_dropdowns). One client
 * entity of 10,000 computers, 2,000 monitors, 1,000 printers, 5,000 tickets and 2,000 follow-ups,
 * seeded through GLPI's API once and kept between runs (database glpi_bench, port 8098). Measures
 * the first full sync, a quiet cycle and a cycle after 1 % changed, each with GLPI's own request
 * log, and GLPI's latency for a technician's request during the sync. Then 200 small client
 * entities (also seeded once), synced as the worker's queue runs them (WORKER_CONCURRENCY jobs at
 * once): their first sync and a quiet cycle, the many small requests a deployment sends. Writes the
 * `real` key of bench/results/sync.json (`real_<n>_in_flight_<n>_per_second` when GLPI_MAX_CONCURRENT
 * or GLPI_MAX_PER_SECOND is set otherwise than the defaults). Not a test: no assertion.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineState } from './machine-state';
import { cpuMsOf } from './process-cpu';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
process.env.DATABASE_URL = `${serverUrl}/ytech_bench_real`;
process.env.REDIS_PREFIX = 'ytech-bench-real';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

const port = Number(process.env.BENCH_GLPI_PORT ?? 8098);
const glpiDir = `/tmp/ytech-bench-glpi-${port}`;
const token = 'ytechglpitesttoken0000000000000000000001';
const script = process.env.GLPI_REAL_DIR
  ? path.join(process.env.GLPI_REAL_DIR, 'start-glpi.sh')
  : path.resolve(root, '../shared/glpi-real/start-glpi.sh');
const scale = { computers: 10_000, monitors: 2_000, printers: 1_000, tickets: 5_000, followups: 2_000 };
// Many small clients, as the simulator's 200 entities: what a deployment's quiet cycles cost GLPI.
const smallClients = { entities: 200, computers_each: 5, monitors_each: 2, tickets_each: 3 };
const smallName = (index: number) => `Bench Petit Client ${String(index).padStart(3, '0')}`;

console.log(`starting a real GLPI on ${port} (database glpi_bench, kept between runs)…`);
execFileSync('bash', [script, '--port', String(port), '--db', 'glpi_bench', '--dir', glpiDir, '--token', token], { stdio: 'inherit' });
const url = `http://127.0.0.1:${port}/apirest.php`;

const { createDatabase } = await import('../db/create-database');
const { createMigrator } = await import('../db/migrator');
const { sequelize } = await import('../server/db/sequelize');
const { GlpiCompanyLink } = await import('../server/db/models');
const { closeRedis } = await import('../server/redis');
const { pino } = await import('pino');
const { GlpiApiDriver } = await import('../tests/support/glpi-api-driver');
const { createCompany } = await import('../tests/support/fixtures');
const { GlpiSessionPool } = await import('../worker/glpi/glpi-session-pool');
const { CircuitBreaker } = await import('../worker/sync/circuit-breaker');
const { syncCompany, syncServerWide } = await import('../worker/sync/sync-company');
const { configuredSyncOptions } = await import('../worker/sync/sync-context');
const { parseWorkerConfig } = await import('../worker/worker-config');
const { limiterRun } = await import('./limiter-run');
const { markerLine, newIdentityMarker } = await import('../worker/provisioning/entity-identity');

// --- the entity, seeded once --------------------------------------------------------------------
let driver = await GlpiApiDriver.open(url, token);
const entityName = 'Bench Client (10 000 PC)';
const entities = (await driver.all('Entity')).filter((row) => row.name === entityName || row.name === 'Bench Technicien');
let entityId = entities.find((row) => row.name === entityName)?.id;
let techEntityId = entities.find((row) => row.name === 'Bench Technicien')?.id;
// A run that seeds measures a GLPI whose MariaDB is still working off the seed's writes: its first
// sync ran 25 % slower here (7,605 and 7,722 items/s, against 9,709-10,363 once settled).
let seededNow = false;
if (!entityId || !techEntityId) {
  seededNow = true;
  console.log('seeding the entity through the API (once, about two minutes)…');
  entityId = await driver.createOne('Entity', { name: entityName, entities_id: 0 });
  techEntityId = await driver.createOne('Entity', { name: 'Bench Technicien', entities_id: 0 });
  await driver.switchTo(0, true);
  const [maker] = await driver.create('Manufacturer', [{ name: 'Bench Maker' }]);
  const [state] = await driver.create('State', [{ name: 'Bench En service', entities_id: 0, is_recursive: 1 }]);
  for (const [itemtype, count] of [
    ['Computer', scale.computers],
    ['Monitor', scale.monitors],
    ['Printer', scale.printers],
  ] as const) {
    for (let offset = 0; offset < count; offset += 1_000) {
      await driver.create(
        itemtype,
        Array.from({ length: Math.min(1_000, count - offset) }, (_, i) => ({
          name: `BENCH-${itemtype.slice(0, 3).toUpperCase()}-${offset + i}`,
          serial: `SN-${offset + i}`,
          entities_id: entityId,
          manufacturers_id: maker,
          states_id: state,
        })),
      );
    }
  }
  const tickets: number[] = [];
  for (let offset = 0; offset < scale.tickets; offset += 1_000) {
    tickets.push(
      ...(await driver.create(
        'Ticket',
        Array.from({ length: 1_000 }, (_, i) => ({
          name: `Incident ${offset + i}`,
          content: `<p>${'Le poste ne démarre plus. '.repeat((offset + i) % 20)}</p>`,
          entities_id: entityId,
        })),
      )),
    );
  }
  for (let offset = 0; offset < scale.followups; offset += 500) {
    await driver.create(
      'ITILFollowup',
      tickets
        .slice(offset, offset + 500)
        .map((id) => ({ itemtype: 'Ticket', items_id: id, content: '<p>Pris en charge.</p>', is_private: 0 })),
    );
  }
  await driver.create(
    'Ticket',
    Array.from({ length: 100 }, (_, i) => ({ name: `Technicien ${i}`, content: '<p>x</p>', entities_id: techEntityId })),
  );
}
let smallIds = (await driver.all('Entity')).filter((row) => String(row.name).startsWith('Bench Petit Client ')).map((row) => row.id);
if (smallIds.length > 0 && smallIds.length !== smallClients.entities) {
  throw new Error(
    `GLPI holds ${smallIds.length} small client entities of ${smallClients.entities} (a seed cut short): stop it and delete ${glpiDir} and the glpi_bench database, then run again.`,
  );
}
if (smallIds.length === 0) {
  seededNow = true;
  console.log(`seeding ${smallClients.entities} small client entities through the API (once)…`);
  await driver.switchTo(0, true);
  smallIds = await driver.create(
    'Entity',
    Array.from({ length: smallClients.entities }, (_, i) => ({ name: smallName(i), entities_id: 0 })),
  );
  // A fresh session sees the new entities (GLPI-API.md).
  await driver.close();
  driver = await GlpiApiDriver.open(url, token);
  await driver.switchTo(0, true);
  for (const [itemtype, each] of [
    ['Computer', smallClients.computers_each],
    ['Monitor', smallClients.monitors_each],
  ] as const) {
    await driver.create(
      itemtype,
      smallIds.flatMap((entity, e) =>
        Array.from({ length: each }, (_, i) => ({ name: `PC-${e}-${i}`, serial: `SC-${e}-${i}`, entities_id: entity })),
      ),
    );
  }
  await driver.create(
    'Ticket',
    smallIds.flatMap((entity, e) =>
      Array.from({ length: smallClients.tickets_each }, (_, i) => ({
        name: `Demande ${e}-${i}`,
        content: '<p>Imprimante en panne.</p>',
        entities_id: entity,
      })),
    ),
  );
}
console.log(
  `entity ${entityId}: ${scale.computers} computers, ${scale.monitors} monitors, ${scale.printers} printers, ${scale.tickets} tickets, ${scale.followups} follow-ups`,
);

// --- our side, as shipped ---------------------------------------------------------------------
await createDatabase(process.env.DATABASE_URL, { dropFirst: true });
await createMigrator(sequelize).up();
await driver.switchTo(0, true);
/**
 * A company linked as provisioning links it: the entity carries this run's marker (the link is
 * checked each cycle). One entity per PUT: GLPI answers a mass PUT on Entity with 200 and changes nothing.
 */
async function linkedCompany(name: string, glpiEntityId: number): Promise<number> {
  const linked = await createCompany({ name });
  const identityMarker = newIdentityMarker();
  await driver.request('PUT', `/Entity/${glpiEntityId}`, { body: { input: { comment: markerLine(identityMarker) } } });
  await GlpiCompanyLink.create({
    companyId: linked.id,
    glpiEntityId,
    glpiEntityName: name,
    identityMarker,
    provisioningState: 'done',
    lastError: null,
    provisionedAt: new Date(),
  });
  return linked.id;
}
const companyId = await linkedCompany(entityName, entityId);
const smallCompanies: number[] = [];
for (const [index, glpiEntityId] of smallIds.entries()) smallCompanies.push(await linkedCompany(smallName(index), glpiEntityId));
const limiterEnv = { GLPI_MAX_PER_SECOND: process.env.GLPI_MAX_PER_SECOND, GLPI_MAX_CONCURRENT: process.env.GLPI_MAX_CONCURRENT };
const shipped = parseWorkerConfig({ GLPI_URL: url, GLPI_USER_TOKEN: token, ...limiterEnv });
const { described, resultKey } = limiterRun(limiterEnv, 'real');
const logger = pino({ level: 'warn' });
// Every request of the sync, timed at the fetch: the timeline of a cycle (BENCH_TIMELINE=1 prints the first sync's).
type Timed = { start: number; end: number; method: string; pair: string; range: string; rows: number | null };
const timeline: Timed[] = [];
const timedFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const start = performance.now();
  const response = await fetch(input, init);
  const body = await response.arrayBuffer();
  const range = /^(\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '');
  timeline.push({
    start,
    end: performance.now(),
    method: init?.method ?? 'GET',
    pair: url.pathname.replace(/^.*apirest\.php\//, ''),
    range: url.searchParams.get('range') ?? '',
    rows: range ? Number(range[2]) - Number(range[1]) + 1 : null,
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};
const pool = new GlpiSessionPool({ config: shipped.glpi!, logger, maxSessions: shipped.GLPI_MAX_SESSIONS, fetch: timedFetch });
// start-glpi.sh: GLPI's clock is UTC, its time zone unset.
const options = { ...configuredSyncOptions(), glpiUtcOffsetMinutes: 0, parentEntityId: 0 };
const ctx = { pool, logger, options, stop: { stopping: false }, breaker: new CircuitBreaker({ threshold: 1_000, probeAfterMs: 1_000 }) };

// --- a technician's view of GLPI's latency, from a session of its own ---------------------------
const technician = await GlpiApiDriver.open(url, token);
await technician.switchTo(techEntityId, false);
const latencies: Array<{ at: number; ms: number }> = [];
let probing = true;
const probe = (async () => {
  while (probing) {
    const started = performance.now();
    await technician.request('GET', '/Ticket', { query: { range: '0-19', sort: 'date_mod', order: 'DESC', get_hateoas: 'false' } });
    latencies.push({ at: Date.now(), ms: performance.now() - started });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
})();
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};
const latencyBetween = (from: number, to: number) => {
  const ms = latencies.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample.ms);
  return { samples: ms.length, p50_ms: percentile(ms, 50), p95_ms: percentile(ms, 95), max_ms: percentile(ms, 100) };
};

// --- GLPI's own request log counts what we asked -------------------------------------------------
const logFile = path.join(glpiDir, 'requests.log');
const logLines = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : []);
const isProbe = (line: string) => line.includes(`/Ticket?range=0-19&sort=date_mod&order=DESC&get_hateoas=false`);

type Job = () => Promise<Awaited<ReturnType<typeof syncCompany>>>;
// Two jobs in the worker, running at the same time: the server-wide reads and the company's.
const bigEntityJobs: Job[] = [() => syncServerWide(ctx), () => syncCompany(ctx, { companyId })];
// The worker's queue for many companies: WORKER_CONCURRENCY jobs at once, the server-wide reads among them.
const smallClientJobs: Job[] = [() => syncServerWide(ctx), ...smallCompanies.map((id) => () => syncCompany(ctx, { companyId: id }))];
async function runJobs(jobs: Job[]) {
  const queue = [...jobs];
  const results: Array<Awaited<ReturnType<Job>>> = [];
  await Promise.all(
    Array.from({ length: Math.min(shipped.WORKER_CONCURRENCY, jobs.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) results.push(await job());
    }),
  );
  return results;
}

// BENCH_CPU_PROFILE=<file>: a V8 CPU profile of one cycle (open it in Chrome's DevTools): the first
// sync, or the cycle BENCH_CPU_PROFILE_CYCLE names (e.g. "small clients, quiet cycle").
const profiled = process.env.BENCH_CPU_PROFILE ? (process.env.BENCH_CPU_PROFILE_CYCLE ?? 'first sync') : null;

async function cycle(label: string, jobs: Job[] = bigEntityJobs) {
  const profiler = label === profiled ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const result = await measuredCycle(label, jobs);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  return result;
}

async function measuredCycle(label: string, jobs: Job[]) {
  timeline.length = 0;
  const before = logLines().length;
  const from = Date.now();
  const started = performance.now();
  // The sync runs in this process: its CPU time is the worker's (the technician's probe is a few requests).
  const cpuBefore = process.cpuUsage();
  const glpiCpuBefore = cpuMsOf(`127.0.0.1:${port}`);
  const mariadbCpuBefore = cpuMsOf('mariadbd');
  const results = await runJobs(jobs);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const glpiCpuMs = cpuMsOf(`127.0.0.1:${port}`) - glpiCpuBefore;
  const mariadbCpuMs = cpuMsOf('mariadbd') - mariadbCpuBefore;
  const to = Date.now();
  const done = results.map((result) => {
    if (result.status !== 'done') throw new Error(`${label}: ${JSON.stringify(result)}`);
    if (result.failures.length > 0) throw new Error(`${label}: ${JSON.stringify(result.failures)}`);
    return result;
  });
  const lines = logLines()
    .slice(before)
    .filter((line) => !isProbe(line));
  const perSecond = new Map<string, number>();
  for (const line of lines) perSecond.set(line.slice(0, 8), (perSecond.get(line.slice(0, 8)) ?? 0) + 1);
  const pairs = done.flatMap((result) => result.pairs);
  const kind = (itemtype: string) =>
    ['Ticket'].includes(itemtype)
      ? 'tickets'
      : itemtype === 'ITILFollowup'
        ? 'followups'
        : ['Item_OperatingSystem', 'Infocom'].includes(itemtype)
          ? 'details'
          : ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense'].includes(itemtype)
            ? 'assets'
            : 'dropdowns';
  const byKind: Record<string, { items: number; changed: number; rows_read: number }> = {};
  for (const pair of pairs) {
    const entry = (byKind[kind(pair.itemtype)] ??= { items: 0, changed: 0, rows_read: 0 });
    entry.items += pair.items;
    entry.changed += pair.changed;
    entry.rows_read += pair.fetched;
  }
  const items = (byKind.assets?.items ?? 0) + (byKind.tickets?.items ?? 0) + (byKind.followups?.items ?? 0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    seconds: Math.round(seconds * 100) / 100,
    pairs: pairs.length,
    requests: lines.length,
    worker_cpu_ms: Math.round(cpuMs),
    worker_cpu_busy: Math.round((cpuMs / 1000 / seconds) * 100) / 100,
    worker_cpu_ms_per_1000_items: items === 0 ? null : Math.round((cpuMs / items) * 1000 * 10) / 10,
    // GLPI's PHP workers are this bench's own; MariaDB also serves GLPI, and whatever else runs on the machine.
    glpi_php_cpu_ms: Math.round(glpiCpuMs),
    mariadb_cpu_ms_shared: Math.round(mariadbCpuMs),
    list_requests: lines.filter((line) => !/initSession|killSession|changeActiveEntities/.test(line)).length,
    // GLPI's log stamps a request with the second it ended in: up to GLPI_MAX_CONCURRENT more than started in it.
    max_requests_in_one_second: Math.max(0, ...perSecond.values()),
    // Starts, timed at our fetch: the most that began within any 1,000 ms (what the limiter caps).
    max_started_in_any_second: maxStartedWithinOneSecond(),
    by_kind: byKind,
    technician_latency: latencyBetween(from, to),
  };
}

await new Promise((resolve) => setTimeout(resolve, 3_000));
const idle = latencyBetween(Date.now() - 3_000, Date.now());
const machineBefore = machineState();
const first = await cycle('first sync');
if (process.env.BENCH_TIMELINE === '1') printTimeline(first.seconds);
const counted = (first.by_kind.assets?.items ?? 0) + (first.by_kind.tickets?.items ?? 0) + (first.by_kind.followups?.items ?? 0);
console.log(
  `first sync: ${counted} items (assets ${first.by_kind.assets?.items}, tickets ${first.by_kind.tickets?.items}, follow-ups ${first.by_kind.followups?.items}) in ${first.seconds} s = ${Math.round(counted / first.seconds)} items/s, ${first.requests} requests (at most ${first.max_started_in_any_second} started within one second)`,
);
console.log(
  `  technician's GLPI latency: idle p50 ${idle.p50_ms} / p95 ${idle.p95_ms} ms; during the sync p50 ${first.technician_latency.p50_ms} / p95 ${first.technician_latency.p95_ms} / max ${first.technician_latency.max_ms} ms`,
);
console.log(`  heap after it: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB used`);
console.log(
  `  worker CPU: ${first.worker_cpu_ms} ms (${first.worker_cpu_ms_per_1000_items} ms per 1,000 items, busy ${first.worker_cpu_busy} of the wall time); GLPI's PHP ${first.glpi_php_cpu_ms} ms, MariaDB ${first.mariadb_cpu_ms_shared} ms (shared); load average ${machineBefore.load_average_1_5_15.join(' ')}`,
);
// BENCH_FIRST_ONLY=1: the first sync alone (profiling), nothing written to bench/results.
if (process.env.BENCH_FIRST_ONLY === '1') {
  probing = false;
  await probe;
  await closeAll();
  process.exit(0);
}

// Many small clients: their first sync, then (after the settle time) their quiet cycle.
const settle = options.overlapSeconds * 1000 + 1_000;
const settledAt = Date.now() + settle;
const smallFirst = await cycle('small clients, first sync', smallClientJobs);
const describeSmall = (label: string, result: typeof smallFirst) =>
  console.log(
    `${label}: ${result.seconds} s, ${result.requests} requests (${result.list_requests} lists; at most ${result.max_started_in_any_second} started within one second, ${result.max_requests_in_one_second} ended in one second of GLPI's log) for ${smallClients.entities} companies and ${result.pairs} pairs; technician p50 ${result.technician_latency.p50_ms} / p95 ${result.technician_latency.p95_ms} / max ${result.technician_latency.max_ms} ms`,
  );
describeSmall(`${smallClients.entities} small clients, first sync`, smallFirst);

// A quiet cycle: nothing changed for longer than the settle time (overlapSeconds) reads nothing again.
console.log(`waiting until the settle time (${Math.round(settle / 1000)} s) has passed so that the seed's last seconds are settled…`);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, settledAt - Date.now())));
await cycle('settling cycle');
const quiet = await cycle('quiet cycle');
console.log(
  `quiet cycle: ${quiet.seconds} s, ${quiet.list_requests} list requests for ${quiet.pairs} pairs (${quiet.requests} with sessions), rows read ${JSON.stringify(quiet.by_kind)}`,
);
await cycle('small clients, settling cycle', smallClientJobs);
const smallQuiet = await cycle('small clients, quiet cycle', smallClientJobs);
describeSmall(`${smallClients.entities} small clients, quiet cycle`, smallQuiet);

// 1 % changed, as technicians would: mass edits of computers and tickets.
await driver.switchTo(entityId, false);
const computers = (await driver.request('GET', '/Computer', { query: { range: '0-99', sort: 'id', only_id: 'true' } })).body as Array<{
  id: number;
}>;
const tickets = (await driver.request('GET', '/Ticket', { query: { range: '0-49', sort: 'id', only_id: 'true' } })).body as Array<{
  id: number;
}>;
await driver.switchTo(0, true);
await driver.update(
  'Computer',
  computers.map((row, i) => ({ id: row.id, comment: `bench change ${Date.now()} ${i}` })),
);
// A new title each run: GLPI bumps date_mod only when a value changes, and runs reuse the entity.
await driver.update(
  'Ticket',
  tickets.map((row) => ({ id: row.id, name: `Bench ticket ${row.id} (${Date.now()})` })),
);
const changedInGlpi = computers.length + tickets.length;
const onePercent = await cycle('1 % cycle');
console.log(
  `1 % cycle: ${changedInGlpi} items changed in GLPI; ${JSON.stringify(onePercent.by_kind)} in ${onePercent.seconds} s, ${onePercent.list_requests} list requests`,
);

probing = false;
await probe;
const results = {
  glpi: 'real GLPI 10.0.12 (../shared/glpi-real, PHP built-in server with 4 workers, MariaDB on this machine, 2 cores)',
  entity: scale,
  settings: {
    limiter: described,
    GLPI_MAX_CONCURRENT: shipped.GLPI_MAX_CONCURRENT,
    GLPI_MAX_PER_SECOND: shipped.GLPI_MAX_PER_SECOND,
    GLPI_MAX_SESSIONS: shipped.GLPI_MAX_SESSIONS,
    page_size: options.pageSize,
    first_page_size: options.firstPageSize,
    max_page_size: options.maxPageSize,
    overlap_seconds: options.overlapSeconds,
    expand_dropdowns: false,
  },
  first_sync: { ...first, items_per_second_assets_tickets_followups: Math.round(counted / first.seconds) },
  idle_technician_latency: idle,
  quiet_cycle: quiet,
  one_percent: { changed_in_glpi: changedInGlpi, ...onePercent },
  small_clients: {
    ...smallClients,
    worker_concurrency: shipped.WORKER_CONCURRENCY,
    first_sync: smallFirst,
    quiet_cycle: smallQuiet,
  },
  machine: { before: machineBefore, after: machineState() },
  measured_at: new Date().toISOString(),
};
const file = path.join(root, 'bench/results/sync.json');
// A profiled run's figures carry the profiler's cost, a seeding run's the seed's: printed, not stored.
if (profiled || seededNow) {
  console.log(
    profiled
      ? `profiled run (${profiled}): nothing written to bench/results`
      : 'this run seeded GLPI: nothing written to bench/results; run it again to measure a settled GLPI',
  );
  await closeAll();
  process.exit(0);
}
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify({ ...previous, [resultKey]: results }, null, 2)}\n`);
console.log(`written bench/results/sync.json (key "${resultKey}")`);

await closeAll();

async function closeAll() {
  await technician.close();
  await driver.close();
  await pool.close();
  await closeRedis();
  await sequelize.close();
}

function maxStartedWithinOneSecond(): number {
  const starts = timeline.map((entry) => entry.start).sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < starts.length; last += 1) {
    while (starts[last]! - starts[first]! >= 1_000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** The first sync's requests, in ms from its start: when each began and ended, what it read, and how busy the wire was. */
function printTimeline(seconds: number) {
  const origin = Math.min(...timeline.map((entry) => entry.start));
  const ms = (value: number) => String(Math.round(value - origin)).padStart(5);
  for (const entry of [...timeline].sort((a, b) => a.start - b.start)) {
    console.log(
      `  ${ms(entry.start)} → ${ms(entry.end)} ms  ${entry.method.padEnd(4)} ${entry.pair.padEnd(28)} ${entry.range.padEnd(12)} ${entry.rows ?? ''}`,
    );
  }
  // Wall time with at least one request in flight toward GLPI.
  const edges = timeline
    .flatMap(
      (entry) =>
        [
          [entry.start, 1],
          [entry.end, -1],
        ] as const,
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inFlight = 0;
  let busy = 0;
  let since = 0;
  for (const [at, step] of edges) {
    if (inFlight > 0) busy += at - since;
    inFlight += step;
    since = at;
  }
  const spent = timeline.reduce((sum, entry) => sum + entry.end - entry.start, 0);
  console.log(
    `  ${timeline.length} requests; some request in flight ${Math.round(busy)} ms of ${Math.round(seconds * 1000)} ms; request time summed ${Math.round(spent)} ms`,
  );
}
