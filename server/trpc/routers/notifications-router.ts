import { z } from 'zod';
import { markNotificationsRead, notificationsPage } from '../../notifications/user-notifications';
import { authedProcedure, router } from '../init';
import { recordId } from '../../validation/fields';

export const notificationsRouter = router({
  list: authedProcedure.query(({ ctx }) => notificationsPage(ctx.user.id)),
  markRead: authedProcedure
    .input(z.object({ ids: z.union([z.array(recordId).max(200), z.literal('all')]) }))
    .mutation(async ({ ctx, input }) => {
      await markNotificationsRead(ctx.user.id, input.ids);
      return { ok: true as const };
    }),
});
