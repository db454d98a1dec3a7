import { z } from 'zod';

/**
 * What a client submits toward GLPI, as stored in glpi_outbox.payload and re-validated by the
 * worker before delivery. Texts are plain text typed in the portal; the worker turns them into the
 * HTML GLPI stores.
 */
export const ticketTypes = ['incident', 'request'] as const;
export type TicketType = (typeof ticketTypes)[number];
/** GLPI's Ticket.type: 1 incident, 2 request (GLPI-API.md, Values). */
export const glpiTicketType = { incident: 1, request: 2 } as const satisfies Record<TicketType, 1 | 2>;

const text = (max: number) => z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const ticketPayloadSchema = z.object({
  title: text(250),
  content: text(20_000),
  /** GLPI urgency: 1 very low … 5 very high. */
  urgency: z.coerce.number({ error: 'validation.choice' }).int('validation.choice').min(1, 'validation.choice').max(5, 'validation.choice'),
  type: z.enum(ticketTypes, { error: 'validation.choice' }),
});
export type TicketPayload = z.infer<typeof ticketPayloadSchema>;

export const followupPayloadSchema = z.object({ content: text(20_000) });
export type FollowupPayload = z.infer<typeof followupPayloadSchema>;

export type OutboxPayload = TicketPayload | FollowupPayload;
