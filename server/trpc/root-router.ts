import { createCallerFactory, router } from './init';
import { documentsRouter } from './routers/documents-router';
import { invoicesRouter } from './routers/invoices-router';
import { proformasRouter } from './routers/proformas-router';
import { paymentsRouter } from './routers/payments-router';
import { purchaseOrdersRouter } from './routers/purchase-orders-router';
import { subscriptionsRouter } from './routers/subscriptions-router';
import { adminRouter } from './routers/admin-router';
import { backofficeRouter } from './routers/backoffice-router';
import { authRouter } from './routers/auth-router';
import { catalogRouter } from './routers/catalog-router';
import { companyRouter } from './routers/company-router';
import { contactRouter } from './routers/contact-router';
import { glpiRouter } from './routers/glpi-router';
import { notificationsRouter } from './routers/notifications-router';
import { portalRouter } from './routers/portal-router';
import { profileRouter } from './routers/profile-router';
import { quotesRouter } from './routers/quotes-router';
import { satisfactionRouter } from './routers/satisfaction-router';
import { reportsRouter } from './routers/reports-router';

/** The whole API: one router per domain. */
export const appRouter = router({
  proformas: proformasRouter,
  purchaseOrders: purchaseOrdersRouter,
  invoices: invoicesRouter,
  payments: paymentsRouter,
  subscriptions: subscriptionsRouter,
  documents: documentsRouter,
  auth: authRouter,
  profile: profileRouter,
  catalog: catalogRouter,
  notifications: notificationsRouter,
  portal: portalRouter,
  company: companyRouter,
  quotes: quotesRouter,
  contact: contactRouter,
  satisfaction: satisfactionRouter,
  glpi: glpiRouter,
  admin: adminRouter,
  backoffice: backofficeRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
