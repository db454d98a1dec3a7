import { isSuperClient } from '../../subscriptions/super-client';
import { clientProcedure, router } from '../init';

export const portalRouter = router({
  /** What a client's home needs to decide what to show: park data only for a super-client. */
  status: clientProcedure.query(async ({ ctx }) => ({ superClient: await isSuperClient(ctx.companyId) })),
});
