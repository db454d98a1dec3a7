/**
 * The worker side of `npm run bench:report` (bench/report-benchmark.ts starts it with the heap the
 * worker ships with): consumes the monthly-reports queue at the worker's concurrency until the
 * month has `BENCH_REPORT_EXPECTED` reports, then prints how long it took and its peak memory.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'bullmq';

const { queuePrefix, redisConnectionOptions, closeQueues } = await import('../server/jobs/queues');
const { sequelize } = await import('../server/db/sequelize');
const { MonthlyReport } = await import('../server/db/models');
const { loadPrebuiltMailTemplates } = await import('../worker/prebuilt-mail-templates');
const { monthlyReportProcessor } = await import('../worker/jobs/monthly-reports-job');

const month = process.env.BENCH_REPORT_MONTH!;
const expected = Number(process.env.BENCH_REPORT_EXPECTED);
// As the shipped worker: the templates the build compiled (report-benchmark.ts builds the worker first).
if (!loadPrebuiltMailTemplates('build/worker')) throw new Error('build/worker/mail-templates.json is missing: npm run build:worker');
const started = performance.now();
const worker = new Worker('monthly-reports', monthlyReportProcessor(), {
  connection: { ...redisConnectionOptions(), maxRetriesPerRequest: null },
  prefix: queuePrefix,
  concurrency: 2,
});
let failed = 0;
let retried = 0;
const errors = new Map<string, number>();
// A failed attempt is retried (with back-off) unless it was the job's last: only those count as failed.
worker.on('failed', (job, err) => {
  errors.set(err.message.slice(0, 200), (errors.get(err.message.slice(0, 200)) ?? 0) + 1);
  if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) failed += 1;
  else retried += 1;
});
for (;;) {
  const done = await MonthlyReport.count({ where: { month } });
  if (done + failed >= expected) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const seconds = (performance.now() - started) / 1000;
const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
console.log(
  `REPORT-BENCH ${JSON.stringify({
    seconds: Math.round(seconds * 10) / 10,
    peak_rss_mb: Math.round(peak),
    failed,
    retried_attempts: retried,
    errors: Object.fromEntries(errors),
    heap_used_mb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  })}`,
);
await worker.close();
await closeQueues();
await sequelize.close();
process.exit(0);
