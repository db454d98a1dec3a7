import { z } from 'zod';
import { locales } from '../../shared/i18n/locales';
import { companyRoles } from '../accounts/roles';
import { emailField, nameField, recordId } from '../validation/fields';

export const companyRoleField = z.enum(companyRoles, { error: 'validation.choice' });

export const inviteCompanyUserInput = z.object({
  firstName: nameField,
  lastName: nameField,
  email: emailField,
  companyRole: companyRoleField,
  locale: z.enum(locales).default('fr'),
});
export type InviteCompanyUserInput = z.infer<typeof inviteCompanyUserInput>;

export const companyUserIdInput = z.object({ userId: recordId });
export const changeCompanyRoleInput = companyUserIdInput.extend({ companyRole: companyRoleField });

/** The back office names the company; the portal's manager never does (theirs is ctx.companyId). */
export const staffCompanyInput = z.object({ companyId: recordId });
