import { z } from 'zod';

/** A line of a pro-forma or an invoice, stored as JSON; amounts in centimes. */
export const documentLineSchema = z.object({
  description: z.string().min(1).max(300),
  quantity: z.number().int().positive(),
  unitPriceCents: z.number().int().nonnegative(),
  discountPercent: z.number().min(0).max(100),
  totalCents: z.number().int().nonnegative(),
});
export type DocumentLineData = z.infer<typeof documentLineSchema>;
