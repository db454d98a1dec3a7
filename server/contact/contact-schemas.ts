import { z } from 'zod';
import { emailField, nameField, optionalSingleLine, phoneField } from '../validation/fields';

export const contactMessageInput = z.object({
  name: nameField,
  email: emailField,
  phone: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v : undefined))
    .pipe(phoneField.optional())
    .transform((v) => v ?? null),
  company: optionalSingleLine(200),
  message: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(5000, 'validation.tooLong'),
  /** Hidden from people; robots that fill every field give themselves away. */
  website: z.string().max(500).optional(),
});
