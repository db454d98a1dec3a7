/**
 * `npm run bench:sync`: the GLPI sync against a simulator with 200 entities, 100,000 assets and
 * 50,000 tickets (run as a child process, so its memory is not counted), on a database of its own
 * (`ytech_bench`, dropped and migrated) and a Redis prefix of its own. Runs a first full sync, a
 * cycle with nothing changed (10 ms added per request), and a cycle after 1 % of the items changed.
 * Prints the figures and writes them to bench/results/sync.json. Not a test: no assertion.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PairResult } from '../worker/sync/sync-context';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = (process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/ytech').replace(/\/[^/]*$/, '');
process.env.DATABASE_URL = `${serverUrl}/ytech_bench`;
process.env.REDIS_PREFIX = 'ytech-bench';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
const scale = { entities: Number(process.env.BENCH_ENTITIES ?? 200), assets: Number(process.env.BENCH_ASSETS ?? 100_000), tickets: Number(process.env.BENCH_TICKETS ?? 50_000) };
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

const { createDatabase } = await import('../db/create-database');
const { createMigrator } = await import('../db/migrator');
const { sequelize } = await import('../server/db/sequelize');
const { Company, GlpiCompanyLink } = await import('../server/db/models');
const { closeRedis, redis } = await import('../server/redis');
const { pino } = await import('pino');
const { GlpiSessionPool } = await import('../worker/glpi/glpi-session-pool');
const { CircuitBreaker } = await import('../worker/sync/circuit-breaker');
const { syncCompany } = await import('../worker/sync/sync-company');
const { defaultSyncOptions, syncedItemtypes } = await import('../worker/sync/sync-context');

// --- simulator in a child process -------------------------------------------------------------
// The worker's heap cap (NODE_OPTIONS of bench:sync) is not the simulator's: it holds all of GLPI in memory.
const simEnv: NodeJS.ProcessEnv = { ...process.env };
delete simEnv.NODE_OPTIONS;
const sim = spawn(process.execPath, ['--import', 'tsx', 'tools/glpi-sim/main.ts', '--port', '0',
  '--entities', String(scale.entities), '--assets', String(scale.assets), '--tickets', String(scale.tickets)], { cwd: root, env: simEnv, stdio: ['ignore', 'pipe', 'inherit'] });
// A run that fails half-way must not leave the simulator behind.
process.on('exit', () => sim.kill('SIGTERM'));
const simUrl = await new Promise<string>((resolve, reject) => {
  let out = '';
  sim.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = /GLPI simulator on (\S+)/.exec(out);
    if (match?.[1]) resolve(match[1]);
  });
  sim.on('exit', (code) => reject(new Error(`simulator exited (${code}): ${out}`)));
});
const control = simUrl.replace(/\/apirest\.php$/, '/_control');
const call = async (method: string, route: string, body?: unknown) => {
  const response = await fetch(`${control}/${route}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
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
  const company = await Company.create({ name: entity.name, sector: 'Industrie', employeeRange: '11-20', address: 'Alger', phone: '+21321000000' });
  await GlpiCompanyLink.create({ companyId: company.id, glpiEntityId: entity.id, glpiEntityName: entity.name, provisioningState: 'done', lastError: null, provisionedAt: new Date() });
  companyIds.push(company.id);
}

// --- the sync, instrumented -------------------------------------------------------------------
const counts = { api: 0, session: 0 };
const countingFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (/initSession|changeActiveEntities|killSession/.test(url)) counts.session += 1;
  else counts.api += 1;
  return fetch(input, init);
};
const logger = pino({ level: 'warn' });
const pool = new GlpiSessionPool({
  config: { baseUrl: simUrl, userToken: 'glpi-sim-user-token', maxConcurrent: concurrency * 2, maxPerSecond: 100_000, timeoutMs: 30_000 },
  logger, maxSessions: concurrency, fetch: countingFetch,
});
const ctx = {
  pool, logger, stop: { stopping: false }, breaker: new CircuitBreaker({ threshold: 1_000, probeAfterMs: 1_000 }),
  // The simulator stamps its dates in UTC.
  options: { ...defaultSyncOptions, glpiUtcOffsetMinutes: 0 },
};
// Sampled while the sync runs only: the benchmark's own set-up (changing items) is not the worker's.
let peakRss = 0;
let sampling = false;
const sampler = setInterval(() => { if (sampling) peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 25);

async function cycle(label: string) {
  counts.api = 0;
  counts.session = 0;
  const pairs: PairResult[] = [];
  sampling = true;
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < companyIds.length) {
      const companyId = companyIds[next++]!;
      const result = await syncCompany(ctx, { companyId });
      if (result.status === 'skipped') throw new Error(`${label}: company ${companyId} skipped (${result.reason})`);
      if (result.failures.length > 0) throw new Error(`${label}: ${JSON.stringify(result.failures)}`);
      pairs.push(...result.pairs);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  const sum = (key: 'items' | 'changed' | 'fetched') => pairs.reduce((total, pair) => total + pair[key], 0);
  if (process.env.BENCH_VERBOSE) {
    const by = new Map<string, { changed: number; items: number; fetched: number; reconciled: number; trashed: number }>();
    for (const pair of pairs) {
      const entry = by.get(pair.itemtype) ?? { changed: 0, items: 0, fetched: 0, reconciled: 0, trashed: 0 };
      entry.changed += pair.changed; entry.items += pair.items; entry.fetched += pair.fetched; entry.reconciled += pair.reconciled ? 1 : 0; entry.trashed += pair.trashed;
      by.set(pair.itemtype, entry);
    }
    console.log(label, Object.fromEntries(by));
  }
  return { seconds, requests: counts.api, sessionRequests: counts.session, items: sum('items'), changed: sum('changed'), rows: sum('fetched') };
}

const first = await cycle('first sync');
console.log(`first sync: ${first.items} items in ${first.seconds.toFixed(1)} s = ${Math.round(first.items / first.seconds)} items/s, ${first.requests} requests (+${first.sessionRequests} session)`);

await call('POST', 'knobs', { latencyMs: 10 });
const quiet = await cycle('no-change cycle');
console.log(`no-change cycle (10 ms latency): ${quiet.seconds.toFixed(2)} s, ${quiet.requests} requests (+${quiet.sessionRequests} session) for ${companyIds.length * syncedItemtypes.length} (entity, type) pairs, ${quiet.changed} changed`);
await call('POST', 'knobs', { latencyMs: 0 });

const changed = await changeOnePercent();
const onePercent = await cycle('1 % cycle');
console.log(`1 % cycle: ${changed} items changed in GLPI; ${onePercent.changed} fetched as changed (${onePercent.items} at or above the watermarks, ${onePercent.rows} rows transferred) in ${onePercent.seconds.toFixed(2)} s, ${onePercent.requests} requests`);

clearInterval(sampler);
const results = {
  entities: clients.length,
  assets: scale.assets,
  tickets: scale.tickets,
  concurrency,
  first_sync_items: first.items,
  first_sync_seconds: round(first.seconds),
  items_per_second: Math.round(first.items / first.seconds),
  first_sync_requests: first.requests,
  first_sync_session_requests: first.sessionRequests,
  peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  entity_type_pairs: companyIds.length * syncedItemtypes.length,
  nochange_requests: quiet.requests,
  nochange_session_requests: quiet.sessionRequests,
  nochange_seconds: round(quiet.seconds),
  nochange_latency_ms: 10,
  one_percent_items_changed: changed,
  one_percent_items_fetched: onePercent.changed,
  one_percent_items_in_window: onePercent.items,
  one_percent_rows_transferred: onePercent.rows,
  one_percent_requests: onePercent.requests,
  one_percent_seconds: round(onePercent.seconds),
  measured_at: new Date().toISOString(),
};
console.log(`peak RSS of the syncing process: ${results.peak_rss_mb} MB`);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(path.join(root, 'bench/results/sync.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written bench/results/sync.json');

await pool.close();
sim.kill('SIGTERM');
await clearRedisPrefix();
await closeRedis();
await sequelize.close();

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** 1 % of the live items of each type, assets renamed, tickets answered or moved on, as a technician would. */
async function changeOnePercent(): Promise<number> {
  let total = 0;
  const step = 100;
  for (const itemtype of syncedItemtypes) {
    const rows: Array<{ id: number; is_deleted: number; status?: number }> = [];
    for (const entity of clients) {
      const body = (await call('GET', `items/${itemtype}?entities_id=${entity.id}`)).body as typeof rows;
      rows.push(...body.filter((row) => row.is_deleted === 0).map(({ id, is_deleted, status }) => ({ id, is_deleted, status })));
    }
    for (let index = 0; index < rows.length; index += step) {
      const row = rows[index]!;
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
    const [nextCursor, keys] = await redis().scan(cursor, 'MATCH', 'ytech-bench:*', 'COUNT', 1000);
    if (keys.length) await redis().del(...keys);
    cursor = nextCursor;
  } while (cursor !== '0');
}
