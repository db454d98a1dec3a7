import { createCallerFactory, router } from './init';
import { authRouter } from './routers/auth-router';
import { catalogRouter } from './routers/catalog-router';
import { notificationsRouter } from './routers/notifications-router';
import { portalRouter } from './routers/portal-router';
import { profileRouter } from './routers/profile-router';

/** The whole API: one router per domain. */
export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  catalog: catalogRouter,
  notifications: notificationsRouter,
  portal: portalRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
