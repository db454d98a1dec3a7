import { companyDetailsInput, updateProfileInput } from '../../accounts/account-schemas';
import { getProfile, updateOwnCompany, updateProfile } from '../../accounts/profile';
import { authedProcedure, clientProcedure, router } from '../init';

export const profileRouter = router({
  get: authedProcedure.query(({ ctx }) => getProfile(ctx.user.id)),
  update: authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.user.id, input, ctx.meta.ip)),
  updateCompany: clientProcedure
    .input(companyDetailsInput)
    .mutation(({ ctx, input }) => updateOwnCompany(ctx.user.id, ctx.companyId, input, ctx.meta.ip)),
});
