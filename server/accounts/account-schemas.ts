import { z } from 'zod';
import { employeeRanges, sectors } from '../catalog/catalog-data';
import { emailField, legalIdFields, nameField, optionalText, passwordField, phoneField } from '../validation/fields';

export const registerInput = z.object({
  firstName: nameField,
  lastName: nameField,
  email: emailField,
  phone: phoneField,
  password: passwordField,
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
  locale: z.enum(['fr', 'en']).optional(),
});

const choice = (values: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || values.includes(v), 'validation.choice');

export const companyDetailsInput = z.object({
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
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
