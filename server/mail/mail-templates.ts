import type { z } from 'zod';
import { accountMailTemplates } from './templates/account-mail-templates';
import { adminMailTemplates } from './templates/admin-mail-templates';
import { billingMailTemplates } from './templates/billing-mail-templates';
import { companyMailTemplates } from './templates/company-mail-templates';
import { glpiMailTemplates } from './templates/glpi-mail-templates';
import { portalMailTemplates } from './templates/portal-mail-templates';
import { reportMailTemplates } from './templates/report-mail-templates';
import { salesMailTemplates } from './templates/sales-mail-templates';
import { satisfactionMailTemplates } from './templates/satisfaction-mail-templates';
import { subscriptionMailTemplates } from './templates/subscription-mail-templates';

/** Every mail template, by name; each area keeps its own in templates/. */
export const mailTemplates = {
  ...accountMailTemplates,
  ...salesMailTemplates,
  ...billingMailTemplates,
  ...adminMailTemplates,
  ...glpiMailTemplates,
  ...portalMailTemplates,
  ...companyMailTemplates,
  ...satisfactionMailTemplates,
  ...subscriptionMailTemplates,
  ...reportMailTemplates,
};

export type MailTemplateName = keyof typeof mailTemplates;
export type MailParams<N extends MailTemplateName> = z.infer<(typeof mailTemplates)[N]['params']>;
export const mailTemplateNames = Object.keys(mailTemplates) as MailTemplateName[];
