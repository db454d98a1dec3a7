import { z } from 'zod';

/**
 * What a client submits toward GLPI, as stored in glpi_outbox.payload and re-validated by the
 * worker before delivery. Texts are plain text typed in the portal; the worker turns them into the
 * HTML GLPI stores.
 */
export const ticketTypes = ['incident', 'request'] as const;
/** Assets a ticket may name: the park's hardware and software as the portal lists them. */
export const ticketAssetTypes = ['Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software'] as const;
export type TicketType = (typeof ticketTypes)[number];
/** GLPI's Ticket.type: 1 incident, 2 request (GLPI-API.md, Values). */
export const glpiTicketType = { incident: 1, request: 2 } as const satisfies Record<TicketType, 1 | 2>;

const text = (max: number) =>
  z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const ticketPayloadSchema = z.object({
  title: text(250),
  content: text(20_000),
  /** GLPI urgency: 1 very low … 5 very high. */
  urgency: z.coerce.number({ error: 'validation.choice' }).int('validation.choice').min(1, 'validation.choice').max(5, 'validation.choice'),
  type: z.enum(ticketTypes, { error: 'validation.choice' }),
  /** A GLPI ITILCategory shown to self-service (checked against the cache when queued). */
  categoryId: z.coerce.number({ error: 'validation.choice' }).int('validation.choice').positive('validation.choice').optional(),
  /** An asset of the company's park the ticket is about (GLPI's Item_Ticket link). */
  asset: z
    .object({
      itemtype: z.enum(ticketAssetTypes, { error: 'validation.choice' }),
      glpiId: z.coerce.number({ error: 'validation.choice' }).int('validation.choice').positive('validation.choice'),
    })
    .optional(),
});
export type TicketPayload = z.infer<typeof ticketPayloadSchema>;

export const followupPayloadSchema = z.object({ content: text(20_000) });
export type FollowupPayload = z.infer<typeof followupPayloadSchema>;

export const approvalDecisions = ['approve', 'refuse'] as const;
/**
 * The requester's answer to a solution, delivered as GLPI's own approval form posts it. A refusal
 * needs its reason (GLPI refuses one without); an approval's comment is optional.
 */
export const approvalPayloadSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), content: z.string().trim().max(20_000, 'validation.tooLong').default('') }),
    z.object({ decision: z.literal('refuse'), content: text(20_000) }),
  ],
  { error: 'validation.choice' },
);
export type ApprovalPayload = z.infer<typeof approvalPayloadSchema>;

/** A file the platform checked and stored (server/portal/ticket-attachment.ts), sent as a GLPI Document. */
export const documentPayloadSchema = z.object({
  storageName: z.string().regex(/^[0-9a-f-]{36}\.(pdf|png|jpg)$/),
  fileName: z.string().min(1).max(255),
  mime: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  sizeBytes: z.number().int().positive(),
});
export type DocumentPayload = z.infer<typeof documentPayloadSchema>;

/**
 * The client's answer to a solved or closed ticket's satisfaction survey, written to GLPI's
 * TicketSatisfaction (0–5 there; the platform asks 1–5 stars).
 */
export const satisfactionPayloadSchema = z.object({
  rating: z.coerce
    .number({ error: 'satisfaction.errors.rating' })
    .int('satisfaction.errors.rating')
    .min(1, 'satisfaction.errors.rating')
    .max(5, 'satisfaction.errors.rating'),
  comment: z.string({ error: 'validation.required' }).trim().max(2_000, 'validation.tooLong').default(''),
});
export type SatisfactionPayload = z.infer<typeof satisfactionPayloadSchema>;

export type OutboxPayload = TicketPayload | FollowupPayload | ApprovalPayload | DocumentPayload | SatisfactionPayload;
