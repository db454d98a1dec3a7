import { contactMessageInput } from '../../contact/contact-schemas';
import { submitContactMessage } from '../../contact/submit-contact-message';
import { publicProcedure, router } from '../init';

export const contactRouter = router({
  submit: publicProcedure.input(contactMessageInput).mutation(({ ctx, input }) => submitContactMessage(input, ctx.meta.ip)),
});
