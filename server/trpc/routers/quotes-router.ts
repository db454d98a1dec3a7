import { addressKey } from '../../auth/login-rate-limit';
import { consumeWriteLimits } from '../../auth/rate-limit';
import { estimateMonthlyPrice } from '../../catalog/tier-pricing';
import { cancelQuoteRequest } from '../../sales/quotes/cancel-quote-request';
import { companyForQuoteForm, listCompanyQuoteRequests, prefillFromQuote } from '../../sales/quotes/client-quote-requests';
import { listQuoteRequests } from '../../sales/quotes/list-quote-requests';
import { logQuoteCall } from '../../sales/quotes/log-quote-call';
import { markQuoteContacted } from '../../sales/quotes/mark-quote-contacted';
import { quoteRequestDetail } from '../../sales/quotes/quote-request-detail';
import {
  estimateInput,
  listQuoteRequestsInput,
  logQuoteCallInput,
  quoteIdInput,
  submitQuoteRequestInput,
} from '../../sales/quotes/quote-request-schemas';
import { submitQuoteRequest } from '../../sales/quotes/submit-quote-request';
import { clientAccountProcedure, clientProcedure, publicProcedure, router, staffProcedure } from '../init';

export const quotesRouter = router({
  /** The catalog's monthly price for these quantities; null above the top tier. */
  estimate: publicProcedure.input(estimateInput).query(async ({ input }) => {
    const estimate = await estimateMonthlyPrice(input.serviceCode, input);
    return { monthlyPriceDa: estimate?.monthlyPriceDa ?? null, quantity: estimate?.quantity ?? 0 };
  }),

  /** Each request mails the sales team: counted per account and per address before anything is written. */
  submit: clientAccountProcedure.input(submitQuoteRequestInput).mutation(async ({ ctx, input }) => {
    await consumeWriteLimits([
      ['quotePerAccount', ctx.user.id],
      ['quotePerAddress', addressKey(ctx.meta.ip)],
    ]);
    return submitQuoteRequest(ctx.user.id, input, ctx.meta.ip);
  }),

  /** The caller's company's requests (none yet for a client who never asked). */
  mine: clientAccountProcedure.query(({ ctx }) => (ctx.companyId === null ? [] : listCompanyQuoteRequests(ctx.companyId))),

  /** The company step's starting values for a client who already has a company. */
  myCompany: clientAccountProcedure.query(({ ctx }) => (ctx.companyId === null ? null : companyForQuoteForm(ctx.companyId))),

  prefill: clientProcedure.input(quoteIdInput).query(({ ctx, input }) => prefillFromQuote(ctx.companyId, input.quoteId)),

  cancel: clientProcedure
    .input(quoteIdInput)
    .mutation(({ ctx, input }) => cancelQuoteRequest(ctx.user.id, ctx.companyId, input.quoteId, ctx.meta.ip)),

  list: staffProcedure.input(listQuoteRequestsInput).query(({ input }) => listQuoteRequests(input)),

  detail: staffProcedure.input(quoteIdInput).query(({ input }) => quoteRequestDetail(input.quoteId)),

  logCall: staffProcedure.input(logQuoteCallInput).mutation(({ ctx, input }) => logQuoteCall(ctx.user.id, input, ctx.meta.ip)),

  markContacted: staffProcedure
    .input(quoteIdInput)
    .mutation(({ ctx, input }) => markQuoteContacted(ctx.user.id, input.quoteId, ctx.meta.ip)),
});
