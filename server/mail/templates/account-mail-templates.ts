import { z } from 'zod';
import { defineTemplate } from '../define-template';

export const accountMailTemplates = {
  welcome: defineTemplate({
    params: z.object({ name: z.string(), portalUrl: z.url() }),
    subject: (t) => t('mail.welcomeSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mail.welcomeBody') },
      { kind: 'button', label: t('mail.welcomeCta'), href: '{{portalUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  'password-reset': defineTemplate({
    params: z.object({ name: z.string(), resetUrl: z.url() }),
    subject: (t) => t('mail.resetSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mail.resetBody') },
      { kind: 'button', label: t('mail.resetCta'), href: '{{resetUrl}}' },
      { kind: 'muted', html: t('mail.resetIgnore') },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
};
