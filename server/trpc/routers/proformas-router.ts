import { z } from 'zod';
import { proformaDraft } from '../../sales/proformas/proforma-draft';
import { clientProformaDetail, proformasOfQuote, staffProformaDetail } from '../../sales/proformas/proforma-detail';
import { issueProforma, issueProformaInput } from '../../sales/proformas/issue-proforma';
import { recordPayment, recordPaymentInput } from '../../sales/proformas/record-payment';
import { acceptProforma, acceptProformaInput, refuseProforma, refuseProformaInput } from '../../sales/proformas/respond-to-proforma';
import { billingProcedure, router, staffProcedure } from '../init';
import { actor } from '../actor';
import { recordId } from '../../validation/fields';

const byId = z.object({ id: recordId });

export const proformasRouter = router({
  /** The issue form's starting point: lines from tier × duration, default validity. */
  draft: staffProcedure.input(z.object({ quoteRequestId: recordId })).query(({ input }) => proformaDraft(input.quoteRequestId)),
  issue: staffProcedure.input(issueProformaInput).mutation(({ ctx, input }) => issueProforma(input, actor(ctx))),
  get: staffProcedure.input(byId).query(({ input }) => staffProformaDetail(input.id)),
  ofQuote: staffProcedure.input(z.object({ quoteRequestId: recordId })).query(({ input }) => proformasOfQuote(input.quoteRequestId)),
  recordPayment: staffProcedure.input(recordPaymentInput).mutation(({ ctx, input }) => recordPayment(input, actor(ctx))),

  /** The client's own pro-forma (another company's id: NOT_FOUND). */
  mine: billingProcedure.input(byId).query(({ ctx, input }) => clientProformaDetail(ctx.companyId, input.id)),
  accept: billingProcedure.input(acceptProformaInput).mutation(({ ctx, input }) => acceptProforma(ctx.companyId, input, actor(ctx))),
  refuse: billingProcedure.input(refuseProformaInput).mutation(({ ctx, input }) => refuseProforma(ctx.companyId, input, actor(ctx))),
});
