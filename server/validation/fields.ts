import { z } from 'zod';

/** Field schemas shared by every form; messages are i18n keys that pages translate. */

/** The largest id our tables hold (INT UNSIGNED); GLPI's ids are the same type. */
const maxRecordId = 4_294_967_295;

/** A record's id in a procedure's input: past maxRecordId no row can match, so it is bad input. */
export const recordId = z.number({ error: 'validation.required' }).int().min(1).max(maxRecordId);

/**
 * A record's id in a URL: decimal digits only (no "1e3", "0x10", leading zeros or spaces) and
 * within maxRecordId; pages answer 404 to anything else.
 */
export const recordIdParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(recordId);
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

/**
 * Text that stays on one line: names end up in PDF headings, mail subjects and headers and CSV
 * cells, where a line break (or any control character) forges a new line, header or row.
 */
const oneLine = (value: string) => !/[\p{Cc}\u2028\u2029]/u.test(value);

/** A required one-line text of at most `max` characters. */
export const singleLineText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')
    .refine(oneLine, 'validation.singleLine');

/** An optional one-line text: empty strings become null. */
export const optionalSingleLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .refine(oneLine, 'validation.singleLine')
    .optional()
    .transform((v) => (v ? v : null));

export const nameField = singleLineText(100);

/**
 * Algerian numbers: 0 + 9 digits (mobiles 05/06/07) or 0 + 8 digits (landlines), or the same
 * without the leading 0 after +213 / 00213. Stored in the international form +213XXXXXXXXX.
 */
function normalizeAlgerianPhone(input: string): string | null {
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
