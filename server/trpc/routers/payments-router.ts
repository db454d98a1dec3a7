import { z } from 'zod';
import { companyBalance, receiptFile } from '../../sales/payments/company-balance';
import {
  paymentProofFile,
  reviewPaymentProof,
  reviewPaymentProofInput,
  uploadPaymentProof,
  uploadPaymentProofInput,
} from '../../sales/payments/payment-proofs';
import { authedProcedure, billingProcedure, router, staffProcedure } from '../init';
import { actor } from '../actor';
import { viewerOf } from '../../sales/viewer-scope';
import { recordId } from '../../validation/fields';

export const paymentsRouter = router({
  /** Called by the pro-forma page's action with the uploaded scan (not meant for JSON over HTTP). */
  uploadProof: billingProcedure
    .input(uploadPaymentProofInput)
    .mutation(({ ctx, input }) => uploadPaymentProof(ctx.companyId, input, actor(ctx))),
  reviewProof: staffProcedure.input(reviewPaymentProofInput).mutation(({ ctx, input }) => reviewPaymentProof(input, actor(ctx))),
  proofFile: authedProcedure.input(z.object({ id: recordId })).query(({ ctx, input }) => paymentProofFile(input.id, viewerOf(ctx))),
  receipt: authedProcedure.input(z.object({ id: recordId })).query(({ ctx, input }) => receiptFile(input.id, viewerOf(ctx))),
  /** The client's own account: balance, payments and receipts. */
  myBalance: billingProcedure.query(({ ctx }) => companyBalance(ctx.companyId)),
  balanceOf: staffProcedure.input(z.object({ companyId: recordId })).query(({ input }) => companyBalance(input.companyId)),
});
