import { z } from 'zod';
import { assetDetail } from '../../portal/asset-detail';
import { assetSlugSchema } from '../../portal/asset-types';
import { assetsCsv } from '../../portal/assets-csv';
import { assetFilterSchema, listAssets } from '../../portal/list-assets';
import { ticketScopeOf } from '../../portal/ticket-scope';
import { router, supportProcedure } from '../init';
import { recordId } from '../../validation/fields';

/** The IT park from the local cache; every query carries ctx.companyId. */
export const portalParkRouter = router({
  list: supportProcedure.input(assetFilterSchema).query(({ ctx, input }) => listAssets(ctx.companyId, input)),
  detail: supportProcedure
    .input(z.object({ type: assetSlugSchema, glpiId: recordId }))
    .query(({ ctx, input }) => assetDetail(ticketScopeOf(ctx), input.type, input.glpiId)),
  csv: supportProcedure
    .input(assetFilterSchema.omit({ page: true, pageSize: true }))
    .query(({ ctx, input }) => assetsCsv(ctx.companyId, input)),
});
