import { z } from 'zod';
import { purchaseOrderFile } from '../../sales/purchase-orders/purchase-order-download';
import { reviewPurchaseOrder, reviewPurchaseOrderInput } from '../../sales/purchase-orders/review-purchase-order';
import { uploadPurchaseOrder, uploadPurchaseOrderInput } from '../../sales/purchase-orders/upload-purchase-order';
import { authedProcedure, clientProcedure, router, staffProcedure } from '../init';

export const purchaseOrdersRouter = router({
  /** Called by the pro-forma page's action with the uploaded bytes (not meant for JSON over HTTP). */
  upload: clientProcedure
    .input(uploadPurchaseOrderInput)
    .mutation(({ ctx, input }) => uploadPurchaseOrder(ctx.companyId, input, { userId: ctx.user.id, ip: ctx.meta.ip })),
  review: staffProcedure.input(reviewPurchaseOrderInput).mutation(({ ctx, input }) => reviewPurchaseOrder(input, { userId: ctx.user.id, ip: ctx.meta.ip })),
  /** The uploaded file, for its company's clients or the staff (the download route streams it). */
  file: authedProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => purchaseOrderFile(input.id, { role: ctx.user.role, companyId: ctx.user.companyId })),
});
