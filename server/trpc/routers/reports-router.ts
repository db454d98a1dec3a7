import { z } from 'zod';
import { companyIdInput } from '../../backoffice/company-overview';
import { listReports, queueReportRegeneration } from '../../reports/queue-reports';
import { reportFile } from '../../reports/report-file';
import { reportMonthSchema } from '../../reports/report-month';
import { recordId } from '../../validation/fields';
import { router, staffProcedure, superClientProcedure } from '../init';

/** Who reads a company's monthly reports: its managers while it is subscribed (report-audience.ts mails the same people). */
const reportReaderProcedure = superClientProcedure;

const reportInput = z.object({ id: recordId });

export const reportsRouter = router({
  /** The company's reports, every earlier month, newest first. */
  mine: reportReaderProcedure.query(({ ctx }) => listReports(ctx.companyId)),
  /** A report of the caller's company as a PDF in their language (the download route streams it). */
  pdf: reportReaderProcedure.input(reportInput).query(({ ctx, input }) => reportFile(input.id, ctx.companyId, ctx.locale)),

  /** Back office: a company's reports, any of them as a PDF, and a report made again. */
  ofCompany: staffProcedure.input(companyIdInput).query(({ input }) => listReports(input.companyId)),
  staffPdf: staffProcedure.input(reportInput).query(({ ctx, input }) => reportFile(input.id, null, ctx.locale)),
  regenerate: staffProcedure
    .input(z.object({ companyId: recordId, month: reportMonthSchema }))
    .mutation(({ ctx, input }) => queueReportRegeneration(input.companyId, input.month, { userId: ctx.user.id, ip: ctx.meta.ip })),
});
