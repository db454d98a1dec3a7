import { z } from 'zod';
import type { TFunction } from 'i18next';
import type { MailBlock } from './mail-layout';

/**
 * Each template: the parameters it needs (validated when a mail is queued), its subject and its
 * blocks. Blocks are built with `{{param}}` placeholders left in place: the MJML is compiled once
 * per template and language, and only the escaped values change per send.
 */
type TemplateDefinition<S extends z.ZodType> = {
  params: S;
  subject: (t: TFunction, params: z.infer<S>) => string;
  blocks: (t: TFunction) => MailBlock[];
};

const define = <S extends z.ZodType>(d: TemplateDefinition<S>) => d;

export const mailTemplates = {
  welcome: define({
    params: z.object({ name: z.string(), portalUrl: z.url() }),
    subject: (t) => t('mail.welcomeSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mail.welcomeBody') },
      { kind: 'button', label: t('mail.welcomeCta'), href: '{{portalUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  'password-reset': define({
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

export type MailTemplateName = keyof typeof mailTemplates;
export type MailParams<N extends MailTemplateName> = z.infer<(typeof mailTemplates)[N]['params']>;
export const mailTemplateNames = Object.keys(mailTemplates) as MailTemplateName[];
