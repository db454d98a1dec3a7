import { z } from 'zod';
import { assetDetail } from '../../portal/asset-detail';
import { assetSlugSchema } from '../../portal/asset-types';
import { assetsCsv } from '../../portal/assets-csv';
import { assetFilterSchema, listAssets } from '../../portal/list-assets';
import { router, superClientProcedure } from '../init';

/** The IT park from the local cache; every query carries ctx.companyId. */
export const portalParkRouter = router({
  list: superClientProcedure.input(assetFilterSchema).query(({ ctx, input }) => listAssets(ctx.companyId, input)),
  detail: superClientProcedure
    .input(z.object({ type: assetSlugSchema, glpiId: z.coerce.number().int().positive() }))
    .query(({ ctx, input }) => assetDetail(ctx.companyId, input.type, input.glpiId)),
  csv: superClientProcedure.input(assetFilterSchema.omit({ page: true, pageSize: true })).query(({ ctx, input }) => assetsCsv(ctx.companyId, input)),
});
