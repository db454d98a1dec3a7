import path from 'node:path';

/**
 * The closing line of `npm test` and .ci/run: "N passed, N failed, N flaky". A flaky test passed
 * only on a retry: it is neither passed nor failed, and it fails the run all the same, so that a
 * retry tells a flaky test from a broken one without hiding either.
 */
export type SuiteCounts = { passed: number; failed: number; flaky: number };

/** vitest's JSON report; its numPassedTests includes the tests that passed on a retry (scripts/vitest-retry-reporter.ts lists them). */
export type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults?: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
};

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: Array<{ title: string; line?: number; tests: Array<{ status: string }> }>;
  suites?: PlaywrightSuite[];
};

/** Playwright's JSON report: `expected` passed at once, `unexpected` failed, `flaky` passed on a retry. */
export type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number }; suites?: PlaywrightSuite[] };

/**
 * One suite's counts from its report and exit status. No report, or a non-zero exit with no
 * failed test (a suite that crashed before or after its tests), counts as one failure.
 */
export function vitestCounts(report: VitestReport | null, retried: string[] | null, exitStatus: number): SuiteCounts {
  if (!report) return { passed: 0, failed: 1, flaky: 0 };
  const flaky = retried?.length ?? 0;
  const crashed = exitStatus !== 0 && report.numFailedTests === 0 ? 1 : 0;
  return { passed: report.numPassedTests - flaky, failed: report.numFailedTests + crashed, flaky };
}

export function playwrightCounts(report: PlaywrightReport | null, exitStatus: number): SuiteCounts {
  if (!report) return { passed: 0, failed: 1, flaky: 0 };
  const { expected, unexpected, flaky } = report.stats;
  // A non-zero exit that no failed or flaky test explains is a failure of its own (the web server did not start…).
  const crashed = exitStatus !== 0 && unexpected === 0 && flaky === 0 ? 1 : 0;
  return { passed: expected, failed: unexpected + crashed, flaky };
}

const firstLine = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim() ?? '';

/**
 * The tests that failed or passed only on a retry, one line each with the first line of the error:
 * printed just above the closing line, so that the tail of a CI log (often all that is kept) names them.
 */
export function unsuccessfulTests(vitest: VitestReport | null, retried: string[] | null, e2e: PlaywrightReport | null): string[] {
  const lines: string[] = [];
  for (const file of vitest?.testResults ?? []) {
    const relative = path.relative(process.cwd(), file.name);
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed) lines.push(`failed: ${relative} > ${test.fullName} — ${firstLine(test.failureMessages?.[0])}`);
    // A file that failed outside its tests (its import, a beforeAll) has no failed test to name.
    if (file.status === 'failed' && failed.length === 0) lines.push(`failed: ${relative} — ${firstLine(file.message)}`);
  }
  for (const name of retried ?? []) lines.push(`flaky: ${path.relative(process.cwd(), name)}`);
  const walk = (suite: PlaywrightSuite, file: string): void => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === 'unexpected' || test.status === 'flaky') {
          lines.push(`${test.status === 'flaky' ? 'flaky' : 'failed'}: e2e/${file}:${spec.line ?? 0} > ${spec.title}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, file);
  };
  for (const suite of e2e?.suites ?? []) walk(suite, suite.file ?? suite.title);
  return lines;
}

export const addCounts = (...suites: SuiteCounts[]): SuiteCounts =>
  suites.reduce(
    (sum, suite) => ({ passed: sum.passed + suite.passed, failed: sum.failed + suite.failed, flaky: sum.flaky + suite.flaky }),
    { passed: 0, failed: 0, flaky: 0 },
  );

export const summaryLine = ({ passed, failed, flaky }: SuiteCounts) => `${passed} passed, ${failed} failed, ${flaky} flaky`;

/** A run succeeds only with nothing failed and nothing flaky. */
export const runSucceeded = ({ failed, flaky }: SuiteCounts) => failed === 0 && flaky === 0;

/** What a run that never got to its tests (setup failed, interrupted) reports. */
export const brokenRun: SuiteCounts = { passed: 0, failed: 1, flaky: 0 };
