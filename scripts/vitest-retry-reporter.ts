import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Writes the tests that passed only after a retry, which vitest's JSON report does not tell apart
 * from the others: `npm test` counts them as flaky (scripts/test-summary.ts).
 */
export default class RetryReporter implements Reporter {
  private readonly outputFile: string;

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = options.outputFile ?? 'test-results/vitest-retried.json';
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const retried = testModules
      .flatMap((module) => [...module.children.allTests()])
      .filter((test) => test.result().state === 'passed' && (test.diagnostic()?.retryCount ?? 0) > 0)
      .map((test) => `${test.module.moduleId} > ${test.fullName}`);
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify(retried));
  }
}
