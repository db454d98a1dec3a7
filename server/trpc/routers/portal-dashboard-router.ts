import { z } from 'zod';
import { clientsOverPlan } from '../../portal/over-plan';
import { notificationsPage, unreadCount } from '../../notifications/user-notifications';
import { cachedPortalDashboard } from '../../portal/portal-dashboard';
import { satisfactionByMonth } from '../../portal/ticket-satisfaction';
import { authedProcedure, router, staffProcedure, superClientProcedure } from '../init';

export const portalDashboardRouter = router({
  /** The super-client dashboard: cache and platform tables only. */
  get: superClientProcedure.query(({ ctx }) => cachedPortalDashboard(ctx.companyId)),
  /** Ticket satisfaction per month over 12 months (platform table, answered surveys). */
  satisfaction: superClientProcedure.query(({ ctx }) => satisfactionByMonth(ctx.companyId)),
});

/** The notification centre and the header's badge: a user's own notifications, whatever their role. */
export const portalNotificationsRouter = router({
  page: authedProcedure
    .input(z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(5).max(100).default(25) }))
    .query(({ ctx, input }) => notificationsPage(ctx.user.id, input.page, input.pageSize)),
  unread: authedProcedure.query(({ ctx }) => unreadCount(ctx.user.id)),
});

/** For the back-office home: subscribed clients at or over their plan this month. */
export const portalStaffRouter = router({
  overPlan: staffProcedure
    .input(z.object({ minPercent: z.number().min(0).max(1_000).default(100) }).default({ minPercent: 100 }))
    .query(({ input }) => clientsOverPlan({ minPercent: input.minPercent })),
});
