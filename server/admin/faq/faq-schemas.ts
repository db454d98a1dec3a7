import { z } from 'zod';
import { recordId } from '../../validation/fields';

const text = (max: number) =>
  z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((value) => value || null);

export const faqFields = z.object({
  questionFr: text(300),
  answerFr: text(5000),
  questionEn: text(300),
  answerEn: text(5000),
  // Optional: an entry without its Arabic shows in French on Arabic pages.
  questionAr: optionalText(300),
  answerAr: optionalText(5000),
  published: z.boolean().default(false),
});

export const faqIdInput = z.object({ id: recordId });
export const updateFaqInput = faqFields.extend({ id: recordId });
export const setFaqPublishedInput = faqIdInput.extend({ published: z.boolean() });
export const moveFaqInput = faqIdInput.extend({ direction: z.enum(['up', 'down']) });
/** The complete order, every entry once: position = index. */
export const reorderFaqInput = z.object({ ids: z.array(recordId).min(1).max(500) });

export type FaqFields = z.infer<typeof faqFields>;
