import { companyAuditInput, companyAuditTrail } from '../../backoffice/company-audit';
import { companyIdInput, companyOverview } from '../../backoffice/company-overview';
import { companySyncMonitor, syncCompanyNow } from '../../backoffice/company-sync';
import { companyTimeline } from '../../backoffice/company-timeline';
import { listCompanies, listCompaniesInput } from '../../backoffice/list-companies';
import { todoToday, todoTodayInput } from '../../backoffice/todo-today';
import { router, staffProcedure } from '../init';

/** The commercial workspace: today's work and the client companies. */
export const backofficeRouter = router({
  today: staffProcedure.input(todoTodayInput).query(({ input }) => todoToday(input)),

  companies: router({
    list: staffProcedure.input(listCompaniesInput).query(({ input }) => listCompanies(input)),
    overview: staffProcedure.input(companyIdInput).query(({ input }) => companyOverview(input.companyId)),
    timeline: staffProcedure.input(companyIdInput).query(({ input }) => companyTimeline(input.companyId)),
    audit: staffProcedure.input(companyAuditInput).query(({ input }) => companyAuditTrail(input)),
    syncMonitor: staffProcedure.input(companyIdInput).query(({ input }) => companySyncMonitor(input.companyId)),
    syncNow: staffProcedure
      .input(companyIdInput)
      .mutation(({ ctx, input }) => syncCompanyNow(input.companyId, { userId: ctx.user.id, ip: ctx.meta.ip })),
  }),
});
