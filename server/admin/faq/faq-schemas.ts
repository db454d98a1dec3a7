import { z } from 'zod';

const text = (max: number) => z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const faqFields = z.object({
  questionFr: text(300),
  answerFr: text(5000),
  questionEn: text(300),
  answerEn: text(5000),
  published: z.boolean().default(false),
});

export const faqIdInput = z.object({ id: z.number().int().positive() });
export const updateFaqInput = faqFields.extend({ id: z.number().int().positive() });
export const setFaqPublishedInput = faqIdInput.extend({ published: z.boolean() });
export const moveFaqInput = faqIdInput.extend({ direction: z.enum(['up', 'down']) });
/** The complete order, every entry once: position = index. */
export const reorderFaqInput = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) });

export type FaqFields = z.infer<typeof faqFields>;
