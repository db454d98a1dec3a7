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
  /** The link is made when the mail is sent, for the account `userId`. */
  'password-reset': defineTemplate({
    params: z.object({ name: z.string(), userId: z.number().int().positive() }),
    subject: (t) => t('mail.resetSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mail.resetBody') },
      { kind: 'button', label: t('mail.resetCta'), href: '{{resetUrl}}' },
      { kind: 'muted', html: t('mail.resetIgnore') },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** Someone registered with this address: the link that creates the account is made when the mail is sent. */
  'registration-confirm': defineTemplate({
    params: z.object({ name: z.string(), registrationId: z.number().int().positive() }),
    subject: (t) => t('mail.confirmSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mail.confirmBody') },
      { kind: 'button', label: t('mail.confirmCta'), href: '{{confirmUrl}}' },
      { kind: 'muted', html: t('mail.confirmIgnore') },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** Someone registered with an address that already has an account: its owner is told, nothing is created. */
  'account-exists': defineTemplate({
    params: z.object({ name: z.string(), loginUrl: z.url(), resetUrl: z.url() }),
    subject: (t) => t('mail.accountExistsSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mail.accountExistsBody') },
      { kind: 'button', label: t('mail.accountExistsCta'), href: '{{loginUrl}}' },
      { kind: 'muted', html: t('mail.accountExistsReset', { url: '{{resetUrl}}' }) },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
};
