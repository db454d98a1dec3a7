import { z } from 'zod';
import { locales } from '../../../shared/i18n/locales';
import { emailField, nameField, recordId } from '../../validation/fields';

export const employeeRoles = ['commercial', 'admin'] as const;
export const employeeRoleField = z.enum(employeeRoles, { error: 'validation.choice' });

export const createEmployeeInput = z.object({
  firstName: nameField,
  lastName: nameField,
  email: emailField,
  role: employeeRoleField,
  locale: z.enum(locales).default('fr'),
});

export const employeeIdInput = z.object({ userId: recordId });

export const changeEmployeeRoleInput = employeeIdInput.extend({ role: employeeRoleField });

export type CreateEmployeeInput = z.infer<typeof createEmployeeInput>;
