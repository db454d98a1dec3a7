import { z } from 'zod';
import { listPaymentMethods, listPublicServices, searchPublishedFaq } from '../../catalog/public-catalog';
import { publicProcedure, router } from '../init';

export const catalogRouter = router({
  services: publicProcedure.query(() => listPublicServices()),
  paymentMethods: publicProcedure.query(() => listPaymentMethods()),
  faq: publicProcedure
    .input(z.object({ q: z.string().max(200, 'validation.tooLong').optional() }))
    .query(({ input }) => searchPublishedFaq(input.q)),
});
