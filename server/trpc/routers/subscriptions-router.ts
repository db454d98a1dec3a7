import { z } from 'zod';
import { activateSubscription, activateSubscriptionInput } from '../../subscriptions/activate-subscription';
import { setAutoRenew, setAutoRenewInput } from '../../subscriptions/auto-renewal';
import { cancelAtTerm, subscriptionIdInput } from '../../subscriptions/cancel-at-term';
import { changeTier, changeTierInput } from '../../subscriptions/change-tier';
import { companySubscription } from '../../subscriptions/company-subscription';
import { clientProcedure, companyUserProcedure, router, staffProcedure } from '../init';
import { actor } from '../actor';
import { recordId } from '../../validation/fields';

/** Each change exists twice: the client's, scoped to their company, and the staff's, for any company. */
export const subscriptionsRouter = router({
  activate: staffProcedure.input(activateSubscriptionInput).mutation(({ ctx, input }) => activateSubscription(input, actor(ctx))),
  /** The caller's company's running subscription, or null. */
  current: companyUserProcedure.query(({ ctx }) => companySubscription(ctx.companyId)),
  ofCompany: staffProcedure.input(z.object({ companyId: recordId })).query(({ input }) => companySubscription(input.companyId)),
  changeTier: clientProcedure.input(changeTierInput).mutation(({ ctx, input }) => changeTier(input, ctx.companyId, actor(ctx))),
  changeTierOf: staffProcedure.input(changeTierInput).mutation(({ ctx, input }) => changeTier(input, null, actor(ctx))),
  cancelAtTerm: clientProcedure.input(subscriptionIdInput).mutation(({ ctx, input }) => cancelAtTerm(input, ctx.companyId, actor(ctx))),
  cancelAtTermOf: staffProcedure.input(subscriptionIdInput).mutation(({ ctx, input }) => cancelAtTerm(input, null, actor(ctx))),
  setAutoRenew: clientProcedure.input(setAutoRenewInput).mutation(({ ctx, input }) => setAutoRenew(input, ctx.companyId, actor(ctx))),
  setAutoRenewOf: staffProcedure.input(setAutoRenewInput).mutation(({ ctx, input }) => setAutoRenew(input, null, actor(ctx))),
});
