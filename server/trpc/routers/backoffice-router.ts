import { companyAuditInput, companyAuditTrail } from '../../backoffice/company-audit';
import { companyIdInput, companyOverview } from '../../backoffice/company-overview';
import { companySyncMonitor, syncCompanyNow } from '../../backoffice/company-sync';
import { companyTimeline } from '../../backoffice/company-timeline';
import { listCompanies, listCompaniesInput } from '../../backoffice/list-companies';
import { todoToday, todoTodayInput } from '../../backoffice/todo-today';
import { updateLegalIdentity, updateLegalIdentityInput } from '../../backoffice/update-legal-identity';
import {
  changeCompanyRoleInput,
  companyUserIdInput,
  inviteCompanyUserInput,
  staffCompanyInput,
} from '../../company-users/company-user-schemas';
import { inviteCompanyUser, listCompanyUsers, resendCompanyInvitation } from '../../company-users/invite-company-user';
import { changeCompanyRole, deactivateCompanyUser, reactivateCompanyUser } from '../../company-users/manage-company-users';
import { router, staffProcedure } from '../init';
import { actor } from '../actor';

import { companySatisfaction } from '../../portal/ticket-satisfaction';
import { clientsOverPlan } from '../../portal/over-plan';
import { z } from 'zod';

/** The commercial workspace: today's work and the client companies. */
export const backofficeRouter = router({
  today: staffProcedure.input(todoTodayInput).query(({ input }) => todoToday(input)),

  companies: router({
    list: staffProcedure.input(listCompaniesInput).query(({ input }) => listCompanies(input)),
    overview: staffProcedure.input(companyIdInput).query(({ input }) => companyOverview(input.companyId)),
    timeline: staffProcedure.input(companyIdInput).query(({ input }) => companyTimeline(input.companyId)),
    audit: staffProcedure.input(companyAuditInput).query(({ input }) => companyAuditTrail(input)),
    syncMonitor: staffProcedure.input(companyIdInput).query(({ input }) => companySyncMonitor(input.companyId)),
    /** For the back-office home: subscribed clients at or over their plan this month. */
    overPlan: staffProcedure
      .input(z.object({ minPercent: z.number().min(0).max(1_000).default(100) }).default({ minPercent: 100 }))
      .query(({ input }) => clientsOverPlan({ minPercent: input.minPercent })),
    /** The company's answers to ticket satisfaction surveys. */
    satisfaction: staffProcedure.input(companyIdInput).query(({ input }) => companySatisfaction(input.companyId)),
    syncNow: staffProcedure.input(companyIdInput).mutation(({ ctx, input }) => syncCompanyNow(input.companyId, actor(ctx))),
    updateLegalIdentity: staffProcedure
      .input(updateLegalIdentityInput)
      .mutation(({ ctx, input }) => updateLegalIdentity(input, actor(ctx))),
    /** A client company's people, as its manager sees them in the portal. */
    users: router({
      list: staffProcedure.input(staffCompanyInput).query(({ input }) => listCompanyUsers(input.companyId)),
      invite: staffProcedure
        .input(inviteCompanyUserInput.extend(staffCompanyInput.shape))
        .mutation(({ ctx, input: { companyId, ...person } }) => inviteCompanyUser(actor(ctx), companyId, person)),
      resendInvitation: staffProcedure
        .input(companyUserIdInput.extend(staffCompanyInput.shape))
        .mutation(({ ctx, input }) => resendCompanyInvitation(actor(ctx), input.companyId, input.userId)),
      changeRole: staffProcedure
        .input(changeCompanyRoleInput.extend(staffCompanyInput.shape))
        .mutation(({ ctx, input }) => changeCompanyRole(actor(ctx), input.companyId, input.userId, input.companyRole)),
      deactivate: staffProcedure
        .input(companyUserIdInput.extend(staffCompanyInput.shape))
        .mutation(({ ctx, input }) => deactivateCompanyUser(actor(ctx), input.companyId, input.userId)),
      reactivate: staffProcedure
        .input(companyUserIdInput.extend(staffCompanyInput.shape))
        .mutation(({ ctx, input }) => reactivateCompanyUser(actor(ctx), input.companyId, input.userId)),
    }),
  }),
});
