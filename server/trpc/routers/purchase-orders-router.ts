import { z } from 'zod';
import { purchaseOrderFile } from '../../sales/purchase-orders/purchase-order-download';
import { reviewPurchaseOrder, reviewPurchaseOrderInput } from '../../sales/purchase-orders/review-purchase-order';
import { uploadPurchaseOrder, uploadPurchaseOrderInput } from '../../sales/purchase-orders/upload-purchase-order';
import { authedProcedure, billingProcedure, router, staffProcedure } from '../init';
import { viewerOf } from '../../sales/viewer-scope';
import { actor } from '../actor';
import { recordId } from '../../validation/fields';

export const purchaseOrdersRouter = router({
  /** Called by the pro-forma page's action with the uploaded bytes (not meant for JSON over HTTP). */
  upload: billingProcedure
    .input(uploadPurchaseOrderInput)
    .mutation(({ ctx, input }) => uploadPurchaseOrder(ctx.companyId, input, actor(ctx))),
  review: staffProcedure.input(reviewPurchaseOrderInput).mutation(({ ctx, input }) => reviewPurchaseOrder(input, actor(ctx))),
  /** The uploaded file, for its company's clients or the staff (the download route streams it). */
  file: authedProcedure.input(z.object({ id: recordId })).query(({ ctx, input }) => purchaseOrderFile(input.id, viewerOf(ctx))),
});
