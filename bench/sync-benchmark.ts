/**
 * `npm run bench:sync`: the worker AS SHIPPED (`npm run worker`: its heap limit, limiter,
 * concurrency and page sizes) syncing 200 client entities of the GLPI simulator (100,000 assets,
 * 50,000 tickets with their follow-ups), on a database of its own (`ytech_bench`, dropped and
 * migrated) and a Redis prefix of its own. Measures the first full sync of every company (each
 * asked for through the queue, as staff's "sync now" would), a cycle with nothing changed and a
 * cycle after 1 % of the items changed, counting GLPI requests in the simulator's own log, and the
 * worker process's peak RSS. `-- --real`: the same against a real GLPI 10.0.12 (sync-real.ts).
 * Prints the figures and writes them to bench/results/sync.json (key "simulator"). No assertion.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineState } from './machine-state';

// `-- --real`: the same measures against a real GLPI 10.0.12 (bench/sync-real.ts).
if (process.argv.includes('--real')) {
  await import('./sync-real');
  process.exit(0);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
process.env.DATABASE_URL = `${serverUrl}/ytech_bench`;
process.env.REDIS_PREFIX = 'ytech-bench';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
const scale = {
  entities: Number(process.env.BENCH_ENTITIES ?? 200),
  assets: Number(process.env.BENCH_ASSETS ?? 100_000),
  tickets: Number(process.env.BENCH_TICKETS ?? 50_000),
};

const { createDatabase } = await import('../db/create-database');
const { createMigrator } = await import('../db/migrator');
const { sequelize } = await import('../server/db/sequelize');
const { Company, GlpiCompanyLink } = await import('../server/db/models');
const { addJob, closeQueues, getQueue } = await import('../server/jobs/queues');
const { closeRedis, redis } = await import('../server/redis');
const { descendantRunning, peakRssMb } = await import('./process-memory');
const { limiterRun } = await import('./limiter-run');
const { shippedWorker } = await import('../scripts/stack/shipped-worker');
const { QueryTypes } = await import('sequelize');

const children: ChildProcess[] = [];
// A run that fails half-way must not leave its simulator or worker behind.
// `npm run worker` runs npm, a shell, then node: each child leads a process group, killed whole.
process.on('exit', () =>
  children.forEach((child) => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }),
);

// --- simulator in a child process ---------------------------------------------------------------
const simEnv: NodeJS.ProcessEnv = { ...process.env };
delete simEnv.NODE_OPTIONS;
const sim = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'tools/glpi-sim/main.ts',
    '--port',
    '0',
    '--entities',
    String(scale.entities),
    '--assets',
    String(scale.assets),
    '--tickets',
    String(scale.tickets),
  ],
  { cwd: root, env: simEnv, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);
children.push(sim);
const simUrl = await new Promise<string>((resolve, reject) => {
  let out = '';
  sim.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = /GLPI simulator on (\S+)/.exec(out);
    if (match?.[1]) resolve(match[1]);
  });
  sim.on('exit', (code) => reject(new Error(`simulator exited (${code}): ${out}`)));
});
const control = simUrl.replace(/\/apirest\.php$/, '/_control');
const call = async (method: string, route: string, body?: unknown) => {
  const response = await fetch(`${control}/${route}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { ok: response.ok, body: (await response.json()) as unknown };
};

// --- database, companies ------------------------------------------------------------------------
await createDatabase(process.env.DATABASE_URL, { dropFirst: true });
await createMigrator(sequelize).up();
await clearRedisPrefix();
const entities = (await call('GET', 'entities')).body as Array<{ id: number; name: string; entities_id: number | null }>;
const parent = entities.find((row) => row.entities_id === 0);
const clients = entities.filter((row) => parent && row.entities_id === parent.id);
const companyIds: number[] = [];
for (const entity of clients) {
  const company = await Company.create({
    name: entity.name,
    sector: 'Industrie',
    employeeRange: '11-20',
    address: 'Alger',
    phone: '+21321000000',
  });
  await GlpiCompanyLink.create({
    companyId: company.id,
    glpiEntityId: entity.id,
    glpiEntityName: entity.name,
    provisioningState: 'done',
    lastError: null,
    provisionedAt: new Date(),
  });
  companyIds.push(company.id);
}

// --- the worker as shipped ----------------------------------------------------------------------
// Its own cadence is pushed out of the way: every cycle measured here is asked for through the queue.
const workerEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GLPI_URL: simUrl,
  GLPI_USER_TOKEN: 'glpi-sim-user-token',
  GLPI_UTC_OFFSET_MINUTES: '0',
  GLPI_PARENT_ENTITY_ID: String(parent?.id ?? 0),
  SYNC_TICKETS_EVERY_SECONDS: '86400',
  SYNC_ASSETS_EVERY_MINUTES: '1440',
  SMTP_PORT: '1',
};
delete workerEnv.NODE_OPTIONS;
const worker = spawn('npm', ['run', '--silent', 'worker'], {
  cwd: root,
  env: workerEnv,
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
children.push(worker);
// The worker is up once it has set its schedules. They start the server-wide cycles at once (BullMQ
// runs a job scheduler's first job when it is set): the first sync is measured from that moment.
const syncQueue = getQueue('glpi-sync');
while ((await syncQueue.getJobSchedulers()).length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
const shipped = shippedWorker(root);
const workerPid = descendantRunning(path.relative(root, shipped.script), process.pid);
if (!workerPid) throw new Error('the worker process was not found');
const shippedHeap = /--max-old-space-size=(\d+)/.exec(shipped.nodeFlags.join(' '))?.[1] ?? 'none';

/**
 * A cycle ends when the bench's own jobs have ended and no other sync job is running or waiting:
 * a scheduled cycle of the worker's holds the lock of its scope, and the bench's job for that scope
 * returns at once ("already running") while the scheduled one still works. Counting completed jobs
 * instead ended the first sync while the last companies were still being written, and their rows
 * were counted in the next cycle (1,247 rows "changed" in the quiet cycle of 2026-12-05).
 */
async function cycle(label: string) {
  await call('DELETE', 'requests');
  const started = performance.now();
  const jobs = [await addJob('glpi-sync', { reason: 'manual' })];
  for (const companyId of companyIds) jobs.push(await addJob('glpi-sync', { companyId, reason: 'manual' }));
  let failed = 0;
  for (;;) {
    const states = await Promise.all(jobs.map((job) => syncQueue.getJobState(job.id!)));
    const busy = await syncQueue.getJobCounts('active', 'waiting', 'prioritized');
    failed = states.filter((state) => state === 'failed').length;
    const ended = states.every((state) => state === 'completed' || state === 'failed' || state === 'unknown');
    if (ended && (busy.active ?? 0) + (busy.waiting ?? 0) + (busy.prioritized ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  if (failed > 0) throw new Error(`${label}: ${failed} sync jobs failed`);
  const requests = (await call('GET', 'requests')).body as Array<{ path: string }>;
  const lists = requests.filter((request) => !/initSession|killSession|changeActiveEntities/.test(request.path)).length;
  // What the worker itself recorded of these cycles (glpi_sync_runs, shown in the back office).
  const [runs] = await sequelize.query<{ n: number; read: number; changed: number }>(
    'SELECT COUNT(*) AS n, COALESCE(SUM(rows_read), 0) AS `read`, COALESCE(SUM(rows_changed), 0) AS changed FROM glpi_sync_runs WHERE id > :last',
    { replacements: { last: lastRun }, type: QueryTypes.SELECT },
  );
  lastRun = await latestRun();
  return {
    seconds: Math.round(seconds * 100) / 100,
    requests: requests.length,
    list_requests: lists,
    runs: Number(runs?.n ?? 0),
    rows_read: Number(runs?.read ?? 0),
    rows_changed: Number(runs?.changed ?? 0),
  };
}

let lastRun = 0;
async function latestRun(): Promise<number> {
  const [row] = await sequelize.query<{ id: number | null }>('SELECT MAX(id) AS id FROM glpi_sync_runs', { type: QueryTypes.SELECT });
  return Number(row?.id ?? 0);
}

const counted = async () => {
  const [row] = await sequelize.query<{ assets: number; details: number; tickets: number; followups: number }>(
    `SELECT (SELECT COUNT(*) FROM glpi_assets) AS assets, (SELECT COUNT(*) FROM glpi_asset_details) AS details,
            (SELECT COUNT(*) FROM glpi_tickets) AS tickets, (SELECT COUNT(*) FROM glpi_ticket_followups WHERE company_id IS NOT NULL) AS followups`,
    { type: QueryTypes.SELECT },
  );
  return { assets: Number(row!.assets), details: Number(row!.details), tickets: Number(row!.tickets), followups: Number(row!.followups) };
};

const machineBefore = machineState();
const first = await cycle('first sync');
const rows = await counted();
const items = rows.assets + rows.tickets + rows.followups;
console.log(
  `first sync: ${items} items (assets ${rows.assets}, tickets ${rows.tickets}, follow-ups ${rows.followups}; OS and warranty rows ${rows.details} besides) in ${first.seconds} s = ${Math.round(items / first.seconds)} items/s, ${first.requests} requests`,
);

// BENCH_FIRST_ONLY=1: the first sync alone (profiling), nothing written to bench/results.
if (process.env.BENCH_FIRST_ONLY === '1') {
  await stopWorker(worker, workerPid);
  sim.kill('SIGTERM');
  await closeQueues();
  await clearRedisPrefix();
  await closeRedis();
  await sequelize.close();
  process.exit(0);
}

await call('POST', 'knobs', { latencyMs: 10 });
const quiet = await cycle('no-change cycle');
const pairs = companyIds.length * 11;
console.log(
  `no-change cycle (10 ms added per request): ${quiet.seconds} s, ${quiet.list_requests} list requests for ${pairs} company pairs + the server-wide ones (${quiet.requests} with sessions)`,
);
await call('POST', 'knobs', { latencyMs: 0 });

const changed = await changeOnePercent();
const onePercent = await cycle('1 % cycle');
console.log(
  `1 % cycle: ${changed} items changed in GLPI; ${onePercent.rows_read} rows read, ${onePercent.rows_changed} changed in the cache, in ${onePercent.seconds} s, ${onePercent.list_requests} list requests`,
);

const peak = peakRssMb(workerPid);
console.log(`peak RSS of the worker process (npm run worker, heap limit ${shippedHeap} MB): ${peak} MB`);
await stopWorker(worker, workerPid);
const answers = await answerLatency();
console.log(
  `a technician's answer in GLPI seen in the portal's table (worker as shipped, default cadence, ${clients.length} entities): ${JSON.stringify(answers.seconds)} s, max ${answers.max_seconds} s`,
);

const { limiter, described, resultKey: key } = limiterRun(workerEnv, 'simulator');
const results = {
  glpi: 'simulator (tools/glpi-sim) in a child process, no latency added unless said',
  worker: `npm run worker: ${path.relative(root, shipped.script)} under node ${shipped.nodeFlags.join(' ')} (decision 270); page sizes: the worker's defaults; limiter: ${described}`,
  limiter,
  entities: clients.length,
  assets: scale.assets,
  tickets: scale.tickets,
  first_sync: { ...first, items, items_by_kind: rows, items_per_second: Math.round(items / first.seconds) },
  nochange: { ...quiet, company_pairs: pairs, latency_ms: 10 },
  one_percent: { changed_in_glpi: changed, ...onePercent },
  worker_peak_rss_mb: peak,
  technician_answer: answers,
  machine: { before: machineBefore, after: machineState() },
  measured_at: new Date().toISOString(),
};
const file = path.join(root, 'bench/results/sync.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify({ ...previous, [key]: results }, null, 2)}\n`);
console.log(`written bench/results/sync.json (key "${key}")`);

sim.kill('SIGTERM');
await closeQueues();
await clearRedisPrefix();
await closeRedis();
await sequelize.close();

/**
 * SIGTERM to the whole `npm run worker` group, then waits for the worker's own process (npm may
 * exit before it): its last jobs must end before the bench empties its Redis prefix.
 */
async function stopWorker(child: ChildProcess, pid: number | null): Promise<void> {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  while (pid !== null && existsSync(`/proc/${pid}`)) await new Promise((resolve) => setTimeout(resolve, 200));
}

/**
 * A technician's answer (a public follow-up posted in GLPI) until the portal's table holds it for
 * the ticket's company, with the worker as shipped at its default cadence (none of the bench's
 * overrides): answers posted 10 s apart over a minute, so that they fall at every point of the
 * tickets' cycle. The quiet cycles of every company run meanwhile, as in production.
 */
async function answerLatency(): Promise<{
  cadence: string;
  answers: number;
  seconds: number[];
  max_seconds: number;
  worker_peak_rss_mb: number;
}> {
  const shippedEnv: NodeJS.ProcessEnv = { ...workerEnv };
  delete shippedEnv.SYNC_TICKETS_EVERY_SECONDS;
  delete shippedEnv.SYNC_ASSETS_EVERY_MINUTES;
  const shippedWorker = spawn('npm', ['run', '--silent', 'worker'], {
    cwd: root,
    env: shippedEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  children.push(shippedWorker);
  // Its schedulers replace the bench's: the first quiet cycles run before the first answer is posted.
  await new Promise((resolve) => setTimeout(resolve, 70_000));
  const shippedPid = descendantRunning(path.relative(root, shipped.script), process.pid);
  const tickets = await sequelize.query<{ id: number; company: number }>(
    'SELECT glpi_id AS id, company_id AS company FROM glpi_tickets WHERE deleted_at IS NULL ORDER BY RAND() LIMIT 6',
    { type: QueryTypes.SELECT },
  );
  const waits = tickets.map(async (ticket, index) => {
    await new Promise((resolve) => setTimeout(resolve, index * 10_000));
    const posted = Date.now();
    const answer = (await call('POST', `tickets/${ticket.id}/followups`, { content: '<p>Réponse du technicien.</p>', is_private: false }))
      .body as { id: number };
    for (;;) {
      const [seen] = await sequelize.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM glpi_ticket_followups WHERE glpi_id = :id AND company_id = :company AND deleted_at IS NULL',
        { replacements: { id: answer.id, company: ticket.company }, type: QueryTypes.SELECT },
      );
      if (Number(seen?.n) > 0) return Math.round((Date.now() - posted) / 100) / 10;
      if (Date.now() - posted > 600_000) throw new Error(`answer ${answer.id} not seen after 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
  const seconds = await Promise.all(waits);
  const rss = peakRssMb(shippedPid);
  await stopWorker(shippedWorker, shippedPid);
  return {
    cadence: 'shipped defaults (tickets every 60 s, assets every 15 min)',
    answers: seconds.length,
    seconds,
    max_seconds: Math.max(...seconds),
    worker_peak_rss_mb: rss,
  };
}

/** 1 % of the live items of each type, assets renamed, tickets answered or moved on, as a technician would. */
async function changeOnePercent(): Promise<number> {
  let total = 0;
  const step = 100;
  for (const itemtype of [
    'Computer',
    'Monitor',
    'Printer',
    'NetworkEquipment',
    'Peripheral',
    'Phone',
    'Software',
    'SoftwareLicense',
    'Ticket',
  ]) {
    const live: Array<{ id: number; status?: number }> = [];
    for (const entity of clients) {
      const body = (await call('GET', `items/${itemtype}?entities_id=${entity.id}`)).body as Array<{
        id: number;
        is_deleted: number;
        status?: number;
      }>;
      live.push(...body.filter((row) => row.is_deleted === 0));
    }
    for (let index = 0; index < live.length; index += step) {
      const row = live[index]!;
      if (itemtype !== 'Ticket') {
        if ((await call('PATCH', `items/${itemtype}/${row.id}`, { comment: `bench change ${index}` })).ok) total += 1;
      } else if (index % (2 * step) === 0) {
        if ((await call('POST', `tickets/${row.id}/followups`, { content: '<p>Intervention planifiée.</p>' })).ok) total += 1;
      } else if ((await call('POST', `tickets/${row.id}/status`, { status: row.status === 5 ? 2 : 5 })).ok) {
        total += 1;
      }
    }
  }
  return total;
}

async function clearRedisPrefix(): Promise<void> {
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis().scan(cursor, 'MATCH', '*ytech-bench*', 'COUNT', 1000);
    if (keys.length) await redis().del(...keys);
    cursor = nextCursor;
  } while (cursor !== '0');
}
