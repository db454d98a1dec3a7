import { z } from 'zod';
import { defineTemplate } from '../define-template';

/** Mail templates of a client company's team (see define-template.ts). */
export const companyMailTemplates = {
  /** To a person a company's manager (or staff) added: the link to choose a password is made when the mail is sent. */
  'company-invitation': defineTemplate({
    params: z.object({
      name: z.string(),
      invitedBy: z.string(),
      company: z.string(),
      validDays: z.number(),
      userId: z.number().int().positive(),
    }),
    subject: (t) => t('mailCompany.invitationSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mailCompany.invitationBody', { invitedBy: '{{invitedBy}}', company: '{{company}}' }) },
      { kind: 'button', label: t('mailAdmin.invitationCta'), href: '{{invitationUrl}}' },
      { kind: 'muted', html: t('mailAdmin.invitationValidity', { days: '{{validDays}}' }) },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
};
