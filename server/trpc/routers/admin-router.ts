import { searchAudit, searchAuditInput } from '../../admin/audit/search-audit';
import { createTierInput, tierIdInput, updateServiceInput, updateTierInput } from '../../admin/catalog/catalog-schemas';
import { createTier, deleteTier, listCatalog, updateService, updateTier } from '../../admin/catalog/manage-catalog';
import { dashboardOverview } from '../../admin/dashboard/dashboard-figures';
import { emailIdInput, emailLogInput, listEmailLog, resendEmail } from '../../admin/emails/email-log';
import { changeEmployeeRoleInput, createEmployeeInput, employeeIdInput } from '../../admin/employees/employee-schemas';
import { createEmployee, resendInvitation } from '../../admin/employees/invite-employee';
import { changeEmployeeRole, deactivateEmployee, listEmployees, reactivateEmployee } from '../../admin/employees/manage-employees';
import { invoicesCsv, invoicesCsvInput } from '../../admin/exports/invoices-csv';
import { faqFields, moveFaqInput, reorderFaqInput, setFaqPublishedInput, updateFaqInput } from '../../admin/faq/faq-schemas';
import { createFaq, listFaq, moveFaq, reorderFaq, setFaqPublished, updateFaq } from '../../admin/faq/manage-faq';
import { databaseHealth } from '../../admin/health/database-health';
import { glpiHealth } from '../../admin/health/glpi-health';
import { setSyncCadence, storedSyncCadence, syncCadenceSchema } from '../../glpi-cache/sync-cadence';
import { failedJobsInput, listFailedJobs, queueOverview, retryFailedJob, retryJobInput } from '../../admin/queues/queue-inspector';
import { adminProcedure, router, staffProcedure } from '../init';
import { actor } from '../actor';

/** The admin's back-office: people, FAQ, catalog, figures and the platform's health. */
export const adminRouter = router({
  employees: router({
    list: adminProcedure.query(() => listEmployees()),
    create: adminProcedure.input(createEmployeeInput).mutation(({ ctx, input }) => createEmployee(actor(ctx), input)),
    resendInvitation: adminProcedure.input(employeeIdInput).mutation(({ ctx, input }) => resendInvitation(actor(ctx), input.userId)),
    changeRole: adminProcedure
      .input(changeEmployeeRoleInput)
      .mutation(({ ctx, input }) => changeEmployeeRole(actor(ctx), input.userId, input.role)),
    deactivate: adminProcedure.input(employeeIdInput).mutation(({ ctx, input }) => deactivateEmployee(actor(ctx), input.userId)),
    reactivate: adminProcedure.input(employeeIdInput).mutation(({ ctx, input }) => reactivateEmployee(actor(ctx), input.userId)),
  }),

  faq: router({
    list: adminProcedure.query(() => listFaq()),
    create: adminProcedure.input(faqFields).mutation(({ ctx, input }) => createFaq(actor(ctx), input)),
    update: adminProcedure.input(updateFaqInput).mutation(({ ctx, input: { id, ...fields } }) => updateFaq(actor(ctx), id, fields)),
    setPublished: adminProcedure
      .input(setFaqPublishedInput)
      .mutation(({ ctx, input }) => setFaqPublished(actor(ctx), input.id, input.published)),
    move: adminProcedure.input(moveFaqInput).mutation(({ ctx, input }) => moveFaq(actor(ctx), input.id, input.direction)),
    reorder: adminProcedure.input(reorderFaqInput).mutation(({ ctx, input }) => reorderFaq(actor(ctx), input.ids)),
  }),

  catalog: router({
    services: adminProcedure.query(() => listCatalog()),
    updateService: adminProcedure.input(updateServiceInput).mutation(({ ctx, input }) => updateService(actor(ctx), input)),
    createTier: adminProcedure.input(createTierInput).mutation(({ ctx, input }) => createTier(actor(ctx), input)),
    updateTier: adminProcedure.input(updateTierInput).mutation(({ ctx, input }) => updateTier(actor(ctx), input)),
    deleteTier: adminProcedure.input(tierIdInput).mutation(({ ctx, input }) => deleteTier(actor(ctx), input.id)),
  }),

  dashboard: router({
    overview: adminProcedure.query(() => dashboardOverview()),
  }),

  emails: router({
    list: adminProcedure.input(emailLogInput).query(({ input }) => listEmailLog(input)),
    resend: adminProcedure.input(emailIdInput).mutation(({ ctx, input }) => resendEmail(actor(ctx), input.id)),
  }),

  queues: router({
    overview: adminProcedure.query(() => queueOverview()),
    failed: adminProcedure.input(failedJobsInput).query(({ input }) => listFailedJobs(input)),
    retry: adminProcedure.input(retryJobInput).mutation(({ ctx, input }) => retryFailedJob(actor(ctx), input)),
  }),

  health: router({
    glpi: adminProcedure.query(() => glpiHealth()),
    database: adminProcedure.query(() => databaseHealth()),
  }),

  syncCadence: router({
    /** What staff set, or null: the worker's configuration applies. */
    get: adminProcedure.query(() => storedSyncCadence()),
    set: adminProcedure.input(syncCadenceSchema).mutation(({ ctx, input }) => setSyncCadence(actor(ctx), input)),
  }),

  audit: router({
    search: adminProcedure.input(searchAuditInput).query(({ input }) => searchAudit(input)),
  }),

  exports: router({
    /** Staff: commercials hand the accountant the same file. */
    invoicesCsv: staffProcedure.input(invoicesCsvInput).query(({ ctx, input }) => invoicesCsv(input, ctx.locale)),
  }),
});
