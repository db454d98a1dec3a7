import type { Locale } from '../../shared/i18n/locales';
import { reportFiguresSchema } from './report-figures';
import { renderReportPdf } from './report-pdf';
import { findReport } from './queue-reports';

/**
 * A report's PDF in the reader's language, drawn from its stored figures (the figures never
 * change once stored, except by a regeneration, so every download of a month says the same).
 */
export async function reportFile(reportId: number, companyId: number | null, locale: Locale) {
  const report = await findReport(reportId, companyId);
  const figures = reportFiguresSchema.parse(report.figures);
  return { fileName: `ytech-${report.month}.pdf`, contentType: 'application/pdf', bytes: await renderReportPdf(figures, locale) };
}
