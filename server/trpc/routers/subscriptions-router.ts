import { z } from 'zod';
import { activateSubscription, activateSubscriptionInput } from '../../subscriptions/activate-subscription';
import { companySubscription } from '../../subscriptions/company-subscription';
import { clientProcedure, router, staffProcedure } from '../init';

export const subscriptionsRouter = router({
  activate: staffProcedure.input(activateSubscriptionInput).mutation(({ ctx, input }) => activateSubscription(input, { userId: ctx.user.id, ip: ctx.meta.ip })),
  /** The caller's company's running subscription, or null. */
  current: clientProcedure.query(({ ctx }) => companySubscription(ctx.companyId)),
  ofCompany: staffProcedure.input(z.object({ companyId: z.number().int().positive() })).query(({ input }) => companySubscription(input.companyId)),
});
