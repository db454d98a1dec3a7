import { cachedPortalDashboard } from '../../portal/portal-dashboard';
import { satisfactionByMonth } from '../../portal/ticket-satisfaction';
import { router, superClientProcedure } from '../init';

export const portalDashboardRouter = router({
  /** The super-client dashboard: cache and platform tables only. */
  get: superClientProcedure.query(({ ctx }) => cachedPortalDashboard(ctx.companyId)),
  /** Ticket satisfaction per month over 12 months (platform table, answered surveys). */
  satisfaction: superClientProcedure.query(({ ctx }) => satisfactionByMonth(ctx.companyId)),
});
