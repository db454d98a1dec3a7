import { z } from 'zod';
import { locales } from '../../shared/i18n/locales';
import { employeeRanges, sectors } from '../catalog/catalog-data';
import { emailField, legalIdFields, nameField, optionalText, passwordField, phoneField, singleLineText } from '../validation/fields';

export const registerInput = z.object({
  firstName: nameField,
  lastName: nameField,
  email: emailField,
  phone: phoneField,
  password: passwordField,
  /** Where to go once the address is confirmed (a same-site path; anything else is dropped). */
  next: z.string().max(2000).optional(),
});

export const confirmRegistrationInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'errors.registrationInvalid'),
});

export const loginInput = z.object({
  email: emailField,
  password: z.string().min(1, 'validation.required').max(128, 'validation.passwordTooLong'),
});

export const requestPasswordResetInput = z.object({ email: emailField });

export const resetPasswordInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'errors.resetInvalid'),
  password: passwordField,
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'validation.required').max(128, 'validation.passwordTooLong'),
  newPassword: passwordField,
});

export const updateProfileInput = z.object({
  firstName: nameField,
  lastName: nameField,
  phone: phoneField,
  locale: z.enum(locales).optional(),
});

export const setLocaleInput = z.object({ locale: z.enum(locales) });

const choice = (values: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || values.includes(v), 'validation.choice');

export const companyDetailsInput = z.object({
  name: singleLineText(200),
  sector: choice(sectors),
  employeeRange: choice(employeeRanges),
  address: optionalText(500),
  phone: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(phoneField.optional())
    .transform((v) => v ?? null),
  ...legalIdFields,
});
