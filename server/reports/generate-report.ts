import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveLocale, type Locale } from '../../shared/i18n/locales';
import { formatMonth, formatNumber } from '../../shared/format';
import { MonthlyReport } from '../db/models';
import { readFromPrimary } from '../db/read-routing';
import { sequelize } from '../db/sequelize';
import { AppError } from '../errors';
import { enqueueMail } from '../mail/enqueue-mail';
import { absoluteUrl } from '../sales/billing-links';
import { uploadPath } from '../uploads/upload-paths';
import { reportRecipients } from './report-audience';
import { computeReportFigures } from './report-figures';
import { monthIsOver } from './report-month';
import { renderReportPdf } from './report-pdf';

export const reportLinks = { portal: () => '/portal/reports' };
/** Where the mailed copies live (UPLOAD_DIR, never public): the mail worker attaches them from there. */
const reportsFolder = 'reports';

export type GenerateOutcome = { reportId: number; mailed: number; regenerated: boolean };

/**
 * Computes a company's report for a finished month from the cache, stores its figures (a second
 * run replaces them: staff regenerate after a fix) and, the first time only, mails it to the
 * company's managers in their own languages. "Mailed" is written in the transaction that queues
 * the mails, so a replayed or doubled job never mails twice; copies rendered by a run that lost
 * that race are deleted.
 */
export async function generateMonthlyReport(
  companyId: number,
  month: string,
  options: { now?: Date; regeneratedBy?: number | null } = {},
): Promise<GenerateOutcome> {
  const now = options.now ?? new Date();
  if (!monthIsOver(month, now)) throw new AppError('BAD_INPUT', 'errors.reportMonthNotOver', { params: { month } });
  const figures = await readFromPrimary(() => computeReportFigures(companyId, month, now));
  const existing = await MonthlyReport.findOne({ where: { companyId, month }, attributes: ['id', 'mailedAt'] });
  const recipients = existing?.mailedAt ? [] : await reportRecipients(companyId);

  // Rendered before the transaction (a PDF takes tens of milliseconds): one copy per language read.
  const files = new Map<Locale, string>();
  for (const locale of new Set(recipients.map((user) => resolveLocale(user.locale)))) {
    const file = uploadPath(`${reportsFolder}/${companyId}-${month}-${locale}-${randomBytes(4).toString('hex')}.pdf`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.tmp`, await renderReportPdf(figures, locale));
    await rename(`${file}.tmp`, file);
    files.set(locale, file);
  }

  const values = { figures, generatedAt: now, regeneratedBy: options.regeneratedBy ?? null };
  // The row exists before the transaction locks it by its id: locking a (company, month) not yet
  // there took gap locks that deadlocked two companies' jobs inserting side by side.
  const [row, created] = existing
    ? [existing, false]
    : await MonthlyReport.findOrCreate({ where: { companyId, month }, defaults: { companyId, month, ...values, mailedAt: null } });
  const outcome = await sequelize.transaction(async (transaction) => {
    const report = await MonthlyReport.findByPk(row.id, { transaction, lock: transaction.LOCK.UPDATE, rejectOnEmpty: true });
    const regenerated = !created;
    if (regenerated) await report.update(values, { transaction });
    if (report.mailedAt || files.size === 0) return { reportId: report.id, mailed: 0, regenerated, mailedNow: false };
    for (const user of recipients) {
      const locale = resolveLocale(user.locale);
      await enqueueMail(
        {
          to: user.email,
          template: 'monthly-report',
          locale,
          params: {
            companyName: figures.companyName,
            month: formatMonth(month, locale),
            opened: formatNumber(figures.tickets.opened, locale),
            solved: formatNumber(figures.tickets.solved, locale),
            reportsUrl: absoluteUrl(reportLinks.portal()),
          },
          attachments: [{ filename: `ytech-${month}.pdf`, path: files.get(locale)!, contentType: 'application/pdf' }],
        },
        transaction,
      );
    }
    await report.update({ mailedAt: now }, { transaction });
    return { reportId: report.id, mailed: recipients.length, regenerated, mailedNow: true };
  });
  if (!outcome.mailedNow) await Promise.all([...files.values()].map((file) => rm(file, { force: true })));
  return { reportId: outcome.reportId, mailed: outcome.mailed, regenerated: outcome.regenerated };
}
