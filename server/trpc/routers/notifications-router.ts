import { z } from 'zod';
import { listNotifications, markNotificationsRead } from '../../notifications/list-notifications';
import { authedProcedure, router } from '../init';

export const notificationsRouter = router({
  list: authedProcedure.query(({ ctx }) => listNotifications(ctx.user.id)),
  markRead: authedProcedure
    .input(z.object({ ids: z.union([z.array(z.number().int().positive()).max(200), z.literal('all')]) }))
    .mutation(async ({ ctx, input }) => {
      await markNotificationsRead(ctx.user.id, input.ids);
      return { ok: true as const };
    }),
});
