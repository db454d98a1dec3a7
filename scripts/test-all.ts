import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from '../tests/support/free-port';
import { realGlpiScript, realGlpiToken } from '../tests/support/real-glpi';
import { testServerUrl } from '../tests/support/test-databases';
import { ensureChromium, ensureMariadb, ensureRedis, SetupError } from './test-setup';
import {
  addCounts,
  brokenRun,
  playwrightCounts,
  runSucceeded,
  summaryLine,
  unsuccessfulTests,
  vitestCounts,
  type PlaywrightReport,
  type SuiteCounts,
  type VitestReport,
} from './test-summary';

/**
 * `npm test`: provides what the suites need (MariaDB, Redis, Debian's Chromium, a real GLPI
 * 10.0.12 from ../shared/glpi-real), runs every suite — unit and integration (vitest, real MariaDB
 * and Redis, the GLPI simulator and the real GLPI), then end to end (Playwright in Chromium against
 * the production build) — and ends with "N passed, N failed, N flaky" (scripts/test-summary.ts). A
 * test that passed only on a retry is flaky, and fails the run like a failed one. Nothing is left
 * running afterwards, whether the tests pass, fail or are interrupted (Ctrl+C).
 */
const bin = (name: string) => `node_modules/.bin/${name}`;
const children = new Set<ReturnType<typeof spawn>>();
const glpi = {
  port: 0,
  database: `glpi_npmtest_${process.pid}`,
  dir: path.join(tmpdir(), `ytech-npmtest-glpi-${process.pid}`),
  started: false,
};

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(args[0]!, args.slice(1), { stdio: 'inherit', env });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', () => resolve(1));
  });
}

const readJson = <T>(file: string): T | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
};

async function startRealGlpi(): Promise<Record<string, string>> {
  glpi.port = await freePort();
  mkdirSync(glpi.dir, { recursive: true });
  console.log(
    `  GLPI 10.0.12: starting a real one on port ${glpi.port} (../shared/glpi-real/start-glpi.sh; installs PHP 8.2 from Debian the first time)…`,
  );
  glpi.started = true;
  const status = await run([
    'bash',
    realGlpiScript(),
    '--port',
    String(glpi.port),
    '--db',
    glpi.database,
    '--dir',
    glpi.dir,
    '--token',
    realGlpiToken,
    '--fresh',
  ]);
  if (status !== 0) throw new SetupError('The real GLPI did not start (see above): the real-GLPI tests need it.');
  return {
    YTECH_REAL_GLPI_PORT: String(glpi.port),
    YTECH_REAL_GLPI_DB: glpi.database,
    YTECH_REAL_GLPI_DIR: glpi.dir,
    YTECH_REAL_GLPI_STARTED: '1',
  };
}

async function stopRealGlpi(): Promise<void> {
  if (!glpi.started) return;
  glpi.started = false;
  await run(['bash', realGlpiScript(), '--stop', '--port', String(glpi.port), '--dir', glpi.dir]);
  const connection = await mysql.createConnection(testServerUrl).catch(() => null);
  await connection?.query(`DROP DATABASE IF EXISTS \`${glpi.database}\``);
  await connection?.end();
  rmSync(glpi.dir, { recursive: true, force: true });
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n${signal}: stopping the suites and everything they started…`);
    for (const child of children) child.kill(signal);
    // The suites stop their own servers on the signal; GLPI is ours to stop.
    void (async () => {
      while (children.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      await stopRealGlpi();
      console.log(`\n${summaryLine(brokenRun)}`);
      process.exit(130);
    })();
  });
}

async function main(): Promise<number> {
  mkdirSync('test-results', { recursive: true });
  console.log('\n== what the tests need');
  let glpiEnv: Record<string, string>;
  try {
    await ensureMariadb();
    await ensureRedis();
    ensureChromium();
    glpiEnv = await startRealGlpi();
  } catch (error) {
    console.error(`\n${error instanceof SetupError ? error.message : String(error)}`);
    await stopRealGlpi();
    console.log(`\n${summaryLine(brokenRun)}`);
    return 1;
  }
  const env = { ...process.env, ...glpiEnv, CI: process.env.CI ?? 'true' };
  const suites: SuiteCounts[] = [];
  const reports: { vitest: VitestReport | null; retried: string[] | null; e2e: PlaywrightReport | null } = {
    vitest: null,
    retried: null,
    e2e: null,
  };

  console.log('\n== unit and integration tests (vitest)');
  rmSync('test-results/vitest.json', { force: true });
  rmSync('test-results/vitest-retried.json', { force: true });
  const vitestStatus = await run(
    [
      bin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest.json',
      '--reporter=./scripts/vitest-retry-reporter.ts',
    ],
    env,
  );
  reports.vitest = readJson<VitestReport>('test-results/vitest.json');
  reports.retried = readJson<string[]>('test-results/vitest-retried.json');
  suites.push(vitestCounts(reports.vitest, reports.retried, vitestStatus));

  if (!interrupted) {
    console.log('\n== end-to-end tests (Playwright, Chromium)');
    rmSync('test-results/e2e-report.json', { force: true });
    const e2eStatus = await run([bin('playwright'), 'test'], env);
    reports.e2e = readJson<PlaywrightReport>('test-results/e2e-report.json');
    suites.push(playwrightCounts(reports.e2e, e2eStatus));
  }
  await stopRealGlpi();
  const total = addCounts(...suites);
  const unsuccessful = unsuccessfulTests(reports.vitest, reports.retried, reports.e2e);
  if (unsuccessful.length > 0) console.log(`\n${unsuccessful.join('\n')}`);
  if (total.flaky > 0) console.log(`\n${total.flaky} test(s) passed only on a retry (marked "flaky" above): the run fails.`);
  console.log(`\n${summaryLine(total)}`);
  return runSucceeded(total) ? 0 : 1;
}

const status = await main();
if (!interrupted) process.exit(status);
