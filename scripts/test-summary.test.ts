import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCounts, playwrightCounts, runSucceeded, summaryLine, unsuccessfulTests, vitestCounts, type VitestReport } from './test-summary';

function runVitest(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/vitest', args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

describe("npm test's closing line", () => {
  it('counts a vitest test that passed only on a retry as flaky, not passed, and fails the run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ytech-retried-'));
    try {
      const files = { json: path.join(dir, 'vitest.json'), retried: path.join(dir, 'retried.json') };
      const status = await runVitest(['run', '--config', 'scripts/fixtures/retried/vitest.config.ts'], {
        ...process.env,
        VITEST_JSON_FILE: files.json,
        VITEST_RETRIED_FILE: files.retried,
      });
      const report = JSON.parse(readFileSync(files.json, 'utf8')) as VitestReport;
      const retried = JSON.parse(readFileSync(files.retried, 'utf8')) as string[];
      expect(status).toBe(0);
      expect(report.numPassedTests).toBe(2);
      expect(retried).toEqual([expect.stringMatching(/retried\.fixture\.ts > passes on its second try$/)]);
      const counts = vitestCounts(report, retried, status);
      expect(summaryLine(counts)).toBe('1 passed, 0 failed, 1 flaky');
      expect(runSucceeded(counts)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('adds the suites: Playwright’s flaky tests are flaky, a suite without a report or that crashed is a failure', () => {
    const e2e = playwrightCounts({ stats: { expected: 9, unexpected: 0, flaky: 2 } }, 0);
    const vitest = vitestCounts({ numPassedTests: 40, numFailedTests: 0 }, [], 0);
    expect(summaryLine(addCounts(vitest, e2e))).toBe('49 passed, 0 failed, 2 flaky');
    expect(runSucceeded(addCounts(vitest, e2e))).toBe(false);
    expect(runSucceeded(addCounts(vitest, playwrightCounts({ stats: { expected: 9, unexpected: 0, flaky: 0 } }, 0)))).toBe(true);
    expect(playwrightCounts(null, 1)).toEqual({ passed: 0, failed: 1, flaky: 0 });
    expect(playwrightCounts({ stats: { expected: 3, unexpected: 0, flaky: 0 } }, 1)).toEqual({ passed: 3, failed: 1, flaky: 0 });
    expect(vitestCounts({ numPassedTests: 5, numFailedTests: 0 }, null, 1)).toEqual({ passed: 5, failed: 1, flaky: 0 });
    expect(vitestCounts(null, null, 1)).toEqual({ passed: 0, failed: 1, flaky: 0 });
  });

  it('names every failed and flaky test with its error, so that the tail of a CI log says what broke', () => {
    const cwd = process.cwd();
    const vitest: VitestReport = {
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [
        {
          name: path.join(cwd, 'tests/a.test.ts'),
          status: 'failed',
          assertionResults: [
            { fullName: 'mail > is sent', status: 'failed', failureMessages: ['\nError: Test timed out in 5000ms.\n    at stack'] },
            { fullName: 'mail > is logged', status: 'passed' },
          ],
        },
        { name: path.join(cwd, 'tests/b.test.ts'), status: 'failed', message: 'beforeAll: ECONNREFUSED', assertionResults: [] },
        { name: path.join(cwd, 'tests/c.test.ts'), status: 'passed', assertionResults: [{ fullName: 'c', status: 'passed' }] },
      ],
    };
    const e2e = {
      stats: { expected: 1, unexpected: 1, flaky: 1 },
      suites: [
        {
          title: 'quote.spec.ts',
          file: 'quote.spec.ts',
          specs: [{ title: 'a visitor requests a quote', line: 12, tests: [{ status: 'unexpected' }] }],
          suites: [{ title: 'portal', specs: [{ title: 'opens a ticket', line: 40, tests: [{ status: 'flaky' }] }] }],
        },
        { title: 'ok.spec.ts', file: 'ok.spec.ts', specs: [{ title: 'fine', line: 3, tests: [{ status: 'expected' }] }] },
      ],
    };
    expect(unsuccessfulTests(vitest, [path.join(cwd, 'tests/d.test.ts') + ' > retried once'], e2e)).toEqual([
      'failed: tests/a.test.ts > mail > is sent — Error: Test timed out in 5000ms.',
      'failed: tests/b.test.ts — beforeAll: ECONNREFUSED',
      'flaky: tests/d.test.ts > retried once',
      'failed: e2e/quote.spec.ts:12 > a visitor requests a quote',
      'flaky: e2e/quote.spec.ts:40 > opens a ticket',
    ]);
    expect(unsuccessfulTests(null, null, null)).toEqual([]);
  });
});
