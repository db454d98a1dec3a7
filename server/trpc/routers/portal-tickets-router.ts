import { z } from 'zod';
import { queueReply, queueTicket } from '../../glpi-outbox/queue-outbox';
import { followupPayloadSchema, ticketPayloadSchema } from '../../glpi-outbox/outbox-payload';
import { listTickets, ticketFilterSchema } from '../../portal/list-tickets';
import { assertRepliable, outboxConversation, ticketConversation } from '../../portal/ticket-conversation';
import { router, superClientProcedure } from '../init';

const id = z.coerce.number().int().positive();
/** A ticket is named by its GLPI number, or by its outbox row until GLPI has numbered it. */
const ticketRef = z.union([z.object({ glpiId: id }), z.object({ outboxId: id })]);

/** Tickets read from the cache; new tickets and replies written to the outbox (the worker delivers them). */
export const portalTicketsRouter = router({
  list: superClientProcedure.input(ticketFilterSchema).query(({ ctx, input }) => listTickets(ctx.companyId, input)),
  conversation: superClientProcedure.input(ticketRef).query(({ ctx, input }) => (
    'glpiId' in input ? ticketConversation(ctx.companyId, input.glpiId) : outboxConversation(ctx.companyId, input.outboxId)
  )),
  create: superClientProcedure.input(ticketPayloadSchema).mutation(async ({ ctx, input }) => {
    const entry = await queueTicket({ ...input, companyId: ctx.companyId, userId: ctx.user.id });
    return { outboxId: entry.id };
  }),
  reply: superClientProcedure.input(z.intersection(ticketRef, followupPayloadSchema)).mutation(async ({ ctx, input }) => {
    if ('glpiId' in input) await assertRepliable(ctx.companyId, input.glpiId);
    const entry = await queueReply({
      companyId: ctx.companyId, userId: ctx.user.id, content: input.content,
      ...('glpiId' in input ? { glpiTicketId: input.glpiId } : { outboxTicketId: input.outboxId }),
    });
    return { outboxId: entry.id };
  }),
});
