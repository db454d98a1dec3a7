import { companyDetailsInput, setLocaleInput, updateProfileInput } from '../../accounts/account-schemas';
import { getProfile, setLocale, updateOwnCompany, updateProfile } from '../../accounts/profile';
import { authedProcedure, clientProcedure, router } from '../init';

export const profileRouter = router({
  get: authedProcedure.query(({ ctx }) => getProfile(ctx.user.id)),
  update: authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.user.id, input, ctx.meta.ip)),
  /** The language chosen in the header's switch, kept for the person's next visits and e-mails. */
  setLocale: authedProcedure.input(setLocaleInput).mutation(({ ctx, input }) => setLocale(ctx.user.id, input.locale)),
  updateCompany: clientProcedure
    .input(companyDetailsInput)
    .mutation(({ ctx, input }) => updateOwnCompany(ctx.user.id, ctx.companyId, input, ctx.meta.ip)),
});
