import { portalAccess } from '../../portal/portal-access';
import { isSuperClient } from '../../subscriptions/super-client';
import { headerInfo } from '../../notifications/user-notifications';
import { authedProcedure, companyUserProcedure, router } from '../init';
import { portalDashboardRouter } from './portal-dashboard-router';
import { portalParkRouter } from './portal-park-router';
import { portalTicketsRouter } from './portal-tickets-router';

export const portalRouter = router({
  /** What a client's home needs to decide what to show: park data only for a super-client. */
  status: companyUserProcedure.query(async ({ ctx }) => ({ superClient: await isSuperClient(ctx.companyId) })),
  /** For portal pages refused for lack of subscription: when it ended and where to renew. */
  access: companyUserProcedure.query(({ ctx }) => portalAccess(ctx.companyId)),
  /** The header of every page: unread notifications and whether to show the super-client links. */
  header: authedProcedure.query(({ ctx }) => headerInfo(ctx.user)),
  dashboard: portalDashboardRouter,
  park: portalParkRouter,
  tickets: portalTicketsRouter,
});
