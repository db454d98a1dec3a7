import { z } from 'zod';
import { recordId, singleLineText } from '../../validation/fields';

const name = singleLineText(200);
const scope = z.array(z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong')).max(30, 'validation.tooLong');
const quantity = z
  .number({ error: 'validation.admin.wholeNumber' })
  .int('validation.admin.wholeNumber')
  .min(0, 'validation.admin.wholeNumber')
  .max(1_000_000, 'validation.admin.wholeNumber');

export const updateServiceInput = z.object({
  id: recordId,
  nameFr: name,
  nameEn: name,
  scopeFr: scope,
  scopeEn: scope,
  // Optional: without them, Arabic pages show the French name and scope.
  nameAr: z
    .string()
    .trim()
    .max(200, 'validation.tooLong')
    .optional()
    .transform((value) => value || null),
  scopeAr: scope.optional().transform((items) => (items && items.length > 0 ? items : null)),
  active: z.boolean(),
});

const tierFields = z.object({
  minQty: quantity,
  maxQty: quantity,
  monthlyPriceDa: z
    .number({ error: 'validation.admin.price' })
    .int('validation.admin.price')
    .positive('validation.admin.price')
    .max(100_000_000, 'validation.admin.price'),
});
const orderedRange = <T extends { minQty: number; maxQty: number }>(t: T) => t.minQty <= t.maxQty;
const rangeIssue = { message: 'validation.admin.tierRange', path: ['maxQty'] };

export const createTierInput = tierFields.extend({ serviceId: recordId }).refine(orderedRange, rangeIssue);
export const updateTierInput = tierFields.extend({ id: recordId }).refine(orderedRange, rangeIssue);
export const tierIdInput = z.object({ id: recordId });

export type UpdateServiceInput = z.infer<typeof updateServiceInput>;
export type TierValues = z.infer<typeof tierFields>;
