import { Op, QueryTypes } from 'sequelize';
import { Company, MonthlyReport } from '../db/models';
import { sequelize } from '../db/sequelize';
import { recordAudit } from '../audit/record-audit';
import { AppError, notFound } from '../errors';
import { sqlUtc } from '../calendar/algiers-calendar';
import { queueWork, type QueueWorkOutcome } from '../jobs/queue-work';
import { monthBounds, monthIsOver } from './report-month';

/** The job id of a company's report for a month: the same work always has the same id. */
export const reportJobId = (companyId: number, month: string) => `monthly-report-${companyId}-${month}`;

/**
 * Companies that had a subscription during the month and have no report of it yet — once their
 * tickets have been synced since the month ended (a GLPI down on the 1st would otherwise give a
 * report missing the month's last tickets; the daily run takes them when the sync has caught up).
 */
export async function companiesDueAReport(month: string): Promise<number[]> {
  const { start, end } = monthBounds(month);
  const rows = await sequelize.query<{ id: number }>(
    `SELECT DISTINCT s.company_id AS id FROM subscriptions s
     WHERE s.start_at < :end AND s.end_at > :start
     AND NOT EXISTS (SELECT 1 FROM monthly_reports r WHERE r.company_id = s.company_id AND r.month = :month)
     AND NOT EXISTS (SELECT 1 FROM glpi_sync_state g WHERE g.company_id = s.company_id AND g.itemtype = 'Ticket'
                     AND (g.last_success_at IS NULL OR g.last_success_at < :end))
     ORDER BY id`,
    { replacements: { start: sqlUtc(start), end: sqlUtc(end), month }, type: QueryTypes.SELECT },
  );
  return rows.map((row) => Number(row.id));
}

/**
 * Queues the month's missing reports (the run of the 1st, and the worker's start-up, which
 * catches up a 1st it was down for). The rows say what is left to do; the job ids keep a company
 * from being queued twice.
 */
export async function queueDueReports(month: string): Promise<number> {
  const companyIds = await companiesDueAReport(month);
  for (const companyId of companyIds) await queueWork('monthly-reports', { companyId, month }, reportJobId(companyId, month));
  return companyIds.length;
}

/** Staff ask for a company's report again (after fixing data, or for a month the schedule missed). */
export async function queueReportRegeneration(
  companyId: number,
  month: string,
  actor: { userId: number; ip?: string | null },
  now = new Date(),
): Promise<{ outcome: QueueWorkOutcome }> {
  if (!(await Company.findByPk(companyId, { attributes: ['id'] }))) throw notFound();
  if (!monthIsOver(month, now)) throw new AppError('BAD_INPUT', 'errors.reportMonthNotOver', { field: 'month' });
  const outcome = await queueWork('monthly-reports', { companyId, month, regeneratedBy: actor.userId }, reportJobId(companyId, month));
  await recordAudit({
    actorUserId: actor.userId,
    action: 'report.regenerate',
    recordType: 'company',
    recordId: companyId,
    details: { month, outcome },
    ip: actor.ip,
  });
  return { outcome };
}

/** The months a company has reports of, newest first (portal and back office). */
export async function listReports(companyId: number) {
  const rows = await MonthlyReport.findAll({
    where: { companyId },
    attributes: ['id', 'month', 'generatedAt', 'mailedAt'],
    order: [['month', 'DESC']],
  });
  return rows.map((row) => ({ id: row.id, month: row.month, generatedAt: row.generatedAt, mailedAt: row.mailedAt }));
}

/** A stored report, scoped to a company (a client's own) or to none (staff); another company's is not found. */
export async function findReport(reportId: number, companyId: number | null) {
  const report = await MonthlyReport.findOne({
    where: { id: reportId, ...(companyId === null ? {} : { companyId: { [Op.eq]: companyId } }) },
  });
  if (!report) throw notFound();
  return report;
}
