import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { consumeWriteLimits } from '../../auth/rate-limit';
import { queueApproval, queueDocument, queueReply, queueTicket } from '../../glpi-outbox/queue-outbox';
import { sequelize } from '../../db/sequelize';
import { discardTicketAttachment, storeTicketAttachment, type StoredAttachment } from '../../portal/ticket-attachment';
import { approvalPayloadSchema, followupPayloadSchema, ticketPayloadSchema } from '../../glpi-outbox/outbox-payload';
import { ticketAssets, ticketCategories } from '../../portal/ticket-choices';
import { listTickets, ticketFilterSchema } from '../../portal/list-tickets';
import { assertRepliable, outboxConversation, ticketConversation } from '../../portal/ticket-conversation';
import { router, supportProcedure } from '../init';
import { assertSeesTicket, ticketScopeOf } from '../../portal/ticket-scope';
import { ticketFile, ticketFileRef } from '../../portal/ticket-documents';
import { answerFromPortal, satisfactionAnswerSchema } from '../../portal/ticket-satisfaction';
import { recordId } from '../../validation/fields';

/** A ticket is named by its GLPI number, or by its outbox row until GLPI has numbered it. */
const ticketRef = z.union([z.object({ glpiId: recordId }), z.object({ outboxId: recordId })]);

/**
 * A file sent with a ticket or a reply: the page's action passes the multipart upload's bytes (not
 * meant for JSON over HTTP); size and type are judged by content in storeTicketAttachment.
 */
const attachmentInput = z
  .object({
    fileName: z.string().max(1000),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'validation.required'),
  })
  .optional();

/**
 * Checks and stores the file before anything is queued (a refused file leaves no ticket and no
 * reply behind), then records the text and the file together; a failure removes the file.
 */
async function withAttachment(
  attachment: z.output<typeof attachmentInput>,
  queue: (
    transaction: Transaction,
  ) => Promise<{ entry: { id: number }; document: (stored: StoredAttachment, transaction: Transaction) => Promise<unknown> }>,
): Promise<number> {
  const stored = attachment ? await storeTicketAttachment(attachment.fileName, attachment.bytes) : null;
  try {
    return await sequelize.transaction(async (transaction) => {
      const { entry, document } = await queue(transaction);
      if (stored) await document(stored, transaction);
      return entry.id;
    });
  } catch (error) {
    if (stored) await discardTicketAttachment(stored.storageName);
    throw error;
  }
}

/** Tickets read from the cache; new tickets and replies written to the outbox (the worker delivers them). */
export const portalTicketsRouter = router({
  /** A manager's: every ticket of the company; a member's: those they requested or observe (ticket-scope.ts). */
  list: supportProcedure.input(ticketFilterSchema).query(({ ctx, input }) => listTickets(ticketScopeOf(ctx), input)),
  conversation: supportProcedure.input(ticketRef).query(async ({ ctx, input }) => {
    await assertSeesTicket(ticketScopeOf(ctx), input);
    return 'glpiId' in input ? ticketConversation(ctx.companyId, input.glpiId) : outboxConversation(ctx.companyId, input.outboxId);
  }),
  create: supportProcedure.input(ticketPayloadSchema.extend({ attachment: attachmentInput })).mutation(async ({ ctx, input }) => {
    // Each ticket is written to GLPI: a client's script cannot flood the technicians' queue.
    await consumeWriteLimits([['ticketPerUser', ctx.user.id]]);
    const { attachment, ...payload } = input;
    const owner = { companyId: ctx.companyId, userId: ctx.user.id };
    const outboxId = await withAttachment(attachment, async (transaction) => {
      const entry = await queueTicket({ ...payload, ...owner }, transaction);
      return { entry, document: (stored, tx) => queueDocument({ ...stored, ...owner, outboxTicketId: entry.id }, tx) };
    });
    return { outboxId };
  }),
  /**
   * A file of a ticket of the company: a technician's from GLPI (fetched by the worker) or the
   * client's own upload. Another company's, a private follow-up's or one not fetched yet: not found.
   */
  file: supportProcedure.input(z.object({ ticket: ticketRef, file: z.string().regex(ticketFileRef) })).query(async ({ ctx, input }) => {
    await assertSeesTicket(ticketScopeOf(ctx), input.ticket);
    return ticketFile(
      ctx.companyId,
      'glpiId' in input.ticket ? { glpiTicketId: input.ticket.glpiId } : { outboxTicketId: input.ticket.outboxId },
      input.file,
    );
  }),
  /** The client's satisfaction with a solved or closed ticket, from the portal (the mail's link does the same without a session). */
  rate: supportProcedure.input(satisfactionAnswerSchema.extend({ glpiId: recordId })).mutation(async ({ ctx, input }) => {
    await consumeWriteLimits([['ticketReplyPerUser', ctx.user.id]]);
    const { glpiId, ...answer } = input;
    await assertSeesTicket(ticketScopeOf(ctx), { glpiId });
    return answerFromPortal(ctx.companyId, ctx.user.id, glpiId, answer);
  }),
  /** What a new ticket may name: the categories GLPI offers self-service, the company's assets. */
  choices: supportProcedure.query(async ({ ctx }) => {
    const [categories, assets] = await Promise.all([ticketCategories(ctx.companyId), ticketAssets(ctx.companyId)]);
    return { categories, assets };
  }),
  /** Approve (the ticket closes) or refuse with a reason (it goes back to processing) a solved ticket's solution. */
  decide: supportProcedure.input(z.intersection(z.object({ glpiId: recordId }), approvalPayloadSchema)).mutation(async ({ ctx, input }) => {
    await consumeWriteLimits([['ticketReplyPerUser', ctx.user.id]]);
    const { glpiId, ...payload } = input;
    await assertSeesTicket(ticketScopeOf(ctx), { glpiId });
    const entry = await queueApproval({ ...payload, companyId: ctx.companyId, userId: ctx.user.id, glpiTicketId: glpiId });
    return { outboxId: entry.id };
  }),
  reply: supportProcedure
    .input(z.intersection(ticketRef, followupPayloadSchema.extend({ attachment: attachmentInput })))
    .mutation(async ({ ctx, input }) => {
      await consumeWriteLimits([['ticketReplyPerUser', ctx.user.id]]);
      await assertSeesTicket(ticketScopeOf(ctx), 'glpiId' in input ? { glpiId: input.glpiId } : { outboxId: input.outboxId });
      if ('glpiId' in input) await assertRepliable(ctx.companyId, input.glpiId);
      const owner = { companyId: ctx.companyId, userId: ctx.user.id };
      const target = 'glpiId' in input ? { glpiTicketId: input.glpiId } : { outboxTicketId: input.outboxId };
      const outboxId = await withAttachment(input.attachment, async (transaction) => ({
        entry: await queueReply({ ...owner, content: input.content, ...target }, transaction),
        document: (stored, tx) => queueDocument({ ...stored, ...owner, ...target }, tx),
      }));
      return { outboxId };
    }),
});
