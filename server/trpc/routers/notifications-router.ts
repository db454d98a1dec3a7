import { z } from 'zod';
import { markNotificationsRead, notificationsPage } from '../../notifications/user-notifications';
import { authedProcedure, router } from '../init';
import { recordId } from '../../validation/fields';

/** The notification centre, the portal home's latest and their marking as read: a user's own notifications, whatever their role. */
export const notificationsRouter = router({
  page: authedProcedure
    .input(
      z.object({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(5).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => notificationsPage(ctx.user.id, input.page, input.pageSize)),
  markRead: authedProcedure
    .input(z.object({ ids: z.union([z.array(recordId).max(200), z.literal('all')]) }))
    .mutation(async ({ ctx, input }) => {
      await markNotificationsRead(ctx.user.id, input.ids);
      return { ok: true as const };
    }),
});
