import { changeCompanyRoleInput, companyUserIdInput, inviteCompanyUserInput } from '../../company-users/company-user-schemas';
import { inviteCompanyUser, listCompanyUsers, resendCompanyInvitation } from '../../company-users/invite-company-user';
import { changeCompanyRole, deactivateCompanyUser, reactivateCompanyUser } from '../../company-users/manage-company-users';
import { clientProcedure, router } from '../init';
import { actor } from '../actor';

/** The company's manager runs its team from the portal: every call is scoped to ctx.companyId. */
export const companyRouter = router({
  users: router({
    list: clientProcedure.query(({ ctx }) => listCompanyUsers(ctx.companyId)),
    invite: clientProcedure.input(inviteCompanyUserInput).mutation(({ ctx, input }) => inviteCompanyUser(actor(ctx), ctx.companyId, input)),
    resendInvitation: clientProcedure
      .input(companyUserIdInput)
      .mutation(({ ctx, input }) => resendCompanyInvitation(actor(ctx), ctx.companyId, input.userId)),
    changeRole: clientProcedure
      .input(changeCompanyRoleInput)
      .mutation(({ ctx, input }) => changeCompanyRole(actor(ctx), ctx.companyId, input.userId, input.companyRole)),
    deactivate: clientProcedure
      .input(companyUserIdInput)
      .mutation(({ ctx, input }) => deactivateCompanyUser(actor(ctx), ctx.companyId, input.userId)),
    reactivate: clientProcedure
      .input(companyUserIdInput)
      .mutation(({ ctx, input }) => reactivateCompanyUser(actor(ctx), ctx.companyId, input.userId)),
  }),
});
