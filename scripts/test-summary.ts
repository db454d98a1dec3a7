/**
 * The closing line of `npm test` and .ci/run: "N passed, N failed, N flaky". A flaky test passed
 * only on a retry: it is neither passed nor failed, and it fails the run all the same, so that a
 * retry tells a flaky test from a broken one without hiding either.
 */
export type SuiteCounts = { passed: number; failed: number; flaky: number };

/** vitest's JSON report; its numPassedTests includes the tests that passed on a retry (scripts/vitest-retry-reporter.ts lists them). */
export type VitestReport = { numPassedTests: number; numFailedTests: number };

/** Playwright's JSON report: `expected` passed at once, `unexpected` failed, `flaky` passed on a retry. */
export type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number } };

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
