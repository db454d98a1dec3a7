import { z } from 'zod';

/** Field schemas shared by every form; messages are i18n keys that pages translate. */
export const emailField = z
  .string({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .min(1, 'validation.required')
  .max(254, 'validation.tooLong')
  .pipe(z.email({ error: 'validation.email' }));

export const passwordField = z
  .string({ error: 'validation.required' })
  .min(10, 'validation.passwordTooShort')
  .max(128, 'validation.passwordTooLong');

export const nameField = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(100, 'validation.tooLong');

/**
 * Algerian numbers: 0 + 9 digits (mobiles 05/06/07) or 0 + 8 digits (landlines), or the same
 * without the leading 0 after +213 / 00213. Stored in the international form +213XXXXXXXXX.
 */
export function normalizeAlgerianPhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  const match = /^(?:0|\+213|00213)([1-9]\d{7,8})$/.exec(compact);
  return match ? `+213${match[1]}` : null;
}

export const phoneField = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .transform((value, ctx) => {
    const phone = normalizeAlgerianPhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return phone;
  });

/** An optional text: empty strings become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

const digits = (count: number[], message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\s/g, '') : null))
    .refine((v) => v === null || (/^\d+$/.test(v) && count.includes(v.length)), message);

/** Algerian legal ids (catalog.json: company_legal_ids). */
export const legalIdFields = {
  rc: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || /^[0-9A-Z/ -]{5,30}$/.test(v), 'validation.rc'),
  nif: digits([15, 20], 'validation.nif'),
  nis: digits([15], 'validation.nis'),
  ai: digits([11], 'validation.ai'),
};
