import { z } from 'zod';
import { defineTemplate } from '../define-template';

/** Mail templates of the administration screens (see define-template.ts). */
export const adminMailTemplates = {
  /** To a new employee: their account exists without a password until they follow the link, made when the mail is sent. */
  'employee-invitation': defineTemplate({
    params: z.object({ name: z.string(), invitedBy: z.string(), validDays: z.number(), userId: z.number().int().positive() }),
    subject: (t) => t('mailAdmin.invitationSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mailAdmin.invitationBody', { invitedBy: '{{invitedBy}}' }) },
      { kind: 'button', label: t('mailAdmin.invitationCta'), href: '{{invitationUrl}}' },
      { kind: 'muted', html: t('mailAdmin.invitationValidity', { days: '{{validDays}}' }) },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
};
