import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { freePort } from './free-port';
import { testRunId, testServerUrl } from './test-databases';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * A real GLPI 10.0.12 (../shared/glpi-real/start-glpi.sh) shared by every test file of one vitest
 * run: started by the first file that asks for it, stopped and its database dropped by the global
 * teardown. Its port, database and folder belong to the run (global-setup.ts chooses them), so two
 * runs on one machine never meet. Files isolate themselves by creating their own entities.
 */
export type RealGlpi = {
  /** `http://127.0.0.1:PORT/apirest.php` */
  url: string;
  /** API token of the Super-Admin `glpi` (id 2), root entity, recursive. */
  userToken: string;
  port: number;
  database: string;
  /** GLPI's own database, for oracles that must not go through the code under test. */
  query<T = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Lines of the PHP server's request log (time, status, method, URI, ms) since `from` (a line count). */
  requestLog(from?: number): string[];
};

export const realGlpiToken = 'ytechglpitesttoken0000000000000000000001';

export function realGlpiScript(): string {
  const dir = process.env.GLPI_REAL_DIR ?? path.resolve(repoRoot, '../shared/glpi-real');
  return path.join(dir, 'start-glpi.sh');
}

/**
 * Chosen once per run by global-setup.ts (inherited by the forked workers through the environment),
 * or by `npm test` (scripts/test-all.ts), which starts GLPI before the suites and stops it after:
 * then YTECH_REAL_GLPI_STARTED=1 and the run neither installs nor stops it.
 */
function realGlpiSettings(): { port: number; database: string; dir: string; external: boolean } {
  const port = Number(process.env.YTECH_REAL_GLPI_PORT);
  if (!port) throw new Error('YTECH_REAL_GLPI_PORT is not set: run the tests through vitest (tests/support/global-setup.ts)');
  return {
    port,
    database: process.env.YTECH_REAL_GLPI_DB ?? `glpi_t${testRunId()}`,
    dir: process.env.YTECH_REAL_GLPI_DIR ?? path.join(tmpdir(), `ytech-real-glpi-${testRunId()}`),
    external: process.env.YTECH_REAL_GLPI_STARTED === '1',
  };
}

let pool: mysql.Pool | null = null;
let started: Promise<RealGlpi> | null = null;

/** The run's real GLPI, started on first use (about 10 s; PHP is installed by the script when missing). */
export function realGlpi(): Promise<RealGlpi> {
  started ??= start();
  return started;
}

async function start(): Promise<RealGlpi> {
  const script = realGlpiScript();
  const { port, database, dir, external } = realGlpiSettings();
  if (!external && !existsSync(script)) {
    throw new Error(`${script} not found: the real GLPI lives in ../shared/glpi-real next to the repository (or set GLPI_REAL_DIR)`);
  }
  mkdirSync(dir, { recursive: true });
  // Test files run in two worker processes: the first to take the lock installs GLPI, the other waits.
  if (!external)
    await withLock(path.join(dir, 'start.lock'), async () => {
      const marker = path.join(dir, 'installed');
      const args = ['--port', String(port), '--db', database, '--dir', dir, '--token', realGlpiToken];
      if (!existsSync(marker)) args.push('--fresh');
      try {
        await run('bash', [script, ...args], { timeout: 600_000, maxBuffer: 10 * 1024 * 1024 });
      } catch (error) {
        const output = error as { stdout?: string; stderr?: string };
        throw new Error(`start-glpi.sh failed:\n${output.stdout ?? ''}\n${output.stderr ?? ''}`);
      }
      writeFileSync(marker, new Date().toISOString());
    });
  pool ??= glpiDatabasePool(database);
  return describeGlpi(port, database, dir, pool);
}

function glpiDatabasePool(database: string): mysql.Pool {
  const server = new URL(testServerUrl);
  return mysql.createPool({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
    database,
    connectionLimit: 2,
    dateStrings: true,
  });
}

function describeGlpi(port: number, database: string, dir: string, db: mysql.Pool): RealGlpi {
  const logFile = path.join(dir, 'requests.log');
  return {
    url: `http://127.0.0.1:${port}/apirest.php`,
    userToken: realGlpiToken,
    port,
    database,
    query: async <T>(sql: string, values: unknown[] = []) => (await db.query(sql, values))[0] as T[],
    requestLog: (from = 0) => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean).slice(from) : []),
  };
}

/**
 * A GLPI of one test file's own (port, database and folder of its own, stopped by `stop`), for a
 * test that reads GLPI's request log whole: the run's shared GLPI logs the other files' requests too.
 */
export async function privateRealGlpi(name: string): Promise<RealGlpi & { stop(): Promise<void> }> {
  const port = await freePort();
  const database = `glpi_t${testRunId()}_${name}`;
  const dir = path.join(tmpdir(), `ytech-real-glpi-${testRunId()}-${name}`);
  const args = ['--port', String(port), '--db', database, '--dir', dir, '--token', realGlpiToken, '--fresh'];
  try {
    await run('bash', [realGlpiScript(), ...args], { timeout: 600_000, maxBuffer: 10 * 1024 * 1024 });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`start-glpi.sh failed:\n${output.stdout ?? ''}\n${output.stderr ?? ''}`);
  }
  const db = glpiDatabasePool(database);
  return {
    ...describeGlpi(port, database, dir, db),
    async stop() {
      await db.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await db.end();
      await run('bash', [realGlpiScript(), '--stop', '--port', String(port), '--dir', dir]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Closes this process's connection to GLPI's database (the server itself stops at global teardown). */
export async function closeRealGlpiConnection(): Promise<void> {
  const current = pool;
  pool = null;
  started = null;
  await current?.end();
}

/** Global teardown: stops the run's GLPI if a test started it, and drops its database and folder. */
export async function stopRealGlpi(): Promise<void> {
  const { port, database, dir, external } = realGlpiSettings();
  if (external) return;
  if (!existsSync(path.join(dir, 'installed'))) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  await run('bash', [realGlpiScript(), '--stop', '--port', String(port), '--dir', dir]).catch(() => undefined);
  const connection = await mysql.createConnection(testServerUrl);
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
  rmSync(dir, { recursive: true, force: true });
}

/** A GLPI left running by a run that was killed (its PHP server outlives it). */
export async function stopStaleRealGlpi(runPid: number): Promise<void> {
  const dir = path.join(tmpdir(), `ytech-real-glpi-${runPid}`);
  if (!existsSync(dir)) return;
  await run('bash', [realGlpiScript(), '--stop', '--port', '0', '--dir', dir]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}

async function withLock(lock: string, work: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`lock ${lock} held for 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
