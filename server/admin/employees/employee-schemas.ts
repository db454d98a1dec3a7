import { z } from 'zod';
import { emailField, nameField } from '../../validation/fields';

export const employeeRoles = ['commercial', 'admin'] as const;
export const employeeRoleField = z.enum(employeeRoles, { error: 'validation.choice' });

export const createEmployeeInput = z.object({
  firstName: nameField,
  lastName: nameField,
  email: emailField,
  role: employeeRoleField,
  locale: z.enum(['fr', 'en']).default('fr'),
});

export const employeeIdInput = z.object({ userId: z.number().int().positive() });

export const changeEmployeeRoleInput = employeeIdInput.extend({ role: employeeRoleField });

export type CreateEmployeeInput = z.infer<typeof createEmployeeInput>;
