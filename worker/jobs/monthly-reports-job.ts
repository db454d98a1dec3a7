import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { AppError } from '../../server/errors';
import { queueDefinitions } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import { generateMonthlyReport } from '../../server/reports/generate-report';
import { previousMonth } from '../../server/reports/report-month';
import { queueDueReports } from '../../server/reports/queue-reports';
import type { SyncCompletedListener } from '../sync/sync-completions';

export const monthlyReportsJobName = 'monthly-reports';

/** The maintenance job: queue one report job per company due a report of the month before. */
export async function runMonthlyReports(now = new Date()) {
  const month = previousMonth(now);
  return { month, queued: await queueDueReports(month) };
}

/**
 * At 06:00 in Algiers (after the night's syncs): on the 1st this makes the month's reports; the
 * other days, and once at start-up, it catches up what the 1st could not (a worker down, a company
 * whose tickets were not yet synced since the month ended). Only companies without a report of the
 * month are queued, so a day with nothing to catch up costs one query.
 */
export async function scheduleMonthlyReports(maintenance: Queue): Promise<void> {
  await maintenance.upsertJobScheduler(
    monthlyReportsJobName,
    { pattern: '0 6 * * *', tz: 'Africa/Algiers' },
    { name: monthlyReportsJobName },
  );
  await maintenance.add(monthlyReportsJobName, {}, { removeOnComplete: 100, removeOnFail: 100 });
}

/**
 * A report waiting for its company's tickets to be synced is queued soon after they are: a sync
 * that completes asks for one catch-up run within a minute (deduplicated: one run, one query, per
 * minute at most, whatever the number of syncs).
 */
export function reportsAfterSyncs(maintenance: Queue): SyncCompletedListener {
  return {
    what: 'monthly reports catch-up',
    onCompleted: () =>
      maintenance.add(
        monthlyReportsJobName,
        {},
        { delay: 60_000, deduplication: { id: 'monthly-reports-after-sync' }, removeOnComplete: 100, removeOnFail: 100 },
      ),
  };
}

/** The monthly-reports queue: one company's report (generate-report.ts, idempotent). */
export function monthlyReportProcessor() {
  return async (job: Job) => {
    const { companyId, month, regeneratedBy } = queueDefinitions['monthly-reports'].payload.parse(job.data);
    try {
      const outcome = await generateMonthlyReport(companyId, month, { regeneratedBy: regeneratedBy ?? null });
      logger.info({ companyId, month, ...outcome }, 'monthly report generated');
      return outcome;
    } catch (error) {
      // A month not over yet, or a company gone: retrying cannot help.
      if (error instanceof AppError && (error.code === 'BAD_INPUT' || error.code === 'NOT_FOUND'))
        throw new UnrecoverableError(error.message);
      if (error instanceof Error && error.name === 'SequelizeEmptyResultError')
        throw new UnrecoverableError(`company ${companyId} not found`);
      throw error;
    }
  };
}
