import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * `npm test`: every suite — unit and integration (vitest, real MariaDB and Redis), then end to end
 * (Playwright in Debian's Chromium against the production build). Ends with "N passed, N failed".
 */
mkdirSync('test-results', { recursive: true });
const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (args: string[]) => spawnSync(args[0]!, args.slice(1), { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? 'true' } }).status ?? 1;
const readJson = <T>(file: string): T | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;

rmSync('test-results/vitest.json', { force: true });
const vitestStatus = run([bin('vitest'), 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>('test-results/vitest.json');
passed += vitest?.numPassedTests ?? 0;
failed += vitest ? vitest.numFailedTests : 1;
if (vitestStatus !== 0 && vitest?.numFailedTests === 0) failed += 1; // a suite that crashed before its tests ran

rmSync('test-results/e2e-report.json', { force: true });
const e2eStatus = run([bin('playwright'), 'test']);
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>('test-results/e2e-report.json');
passed += e2e ? e2e.stats.expected + e2e.stats.flaky : 0;
failed += e2e ? e2e.stats.unexpected : 1;
if (e2eStatus !== 0 && e2e?.stats.unexpected === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
