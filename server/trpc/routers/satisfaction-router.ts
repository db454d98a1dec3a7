import { z } from 'zod';
import { addressKey } from '../../auth/login-rate-limit';
import { consumeWriteLimits } from '../../auth/rate-limit';
import { answerByToken, satisfactionAnswerSchema, surveyByToken } from '../../portal/ticket-satisfaction';
import { publicProcedure, router } from '../init';

/** The token of a survey link; anything longer is not one (its hash is looked up, never the token). */
const token = z.string().max(100);

/**
 * The satisfaction survey behind a mail's link, without logging in: the link is the credential
 * (single-use, expiring, stored hashed). It shows the ticket's number and title, nothing else.
 */
export const satisfactionRouter = router({
  view: publicProcedure.input(z.object({ token })).query(({ input }) => surveyByToken(input.token)),
  answer: publicProcedure.input(satisfactionAnswerSchema.extend({ token })).mutation(async ({ ctx, input }) => {
    await consumeWriteLimits([['surveyPerAddress', addressKey(ctx.meta.ip)]]);
    const { token: link, ...answer } = input;
    return answerByToken(link, answer);
  }),
});
