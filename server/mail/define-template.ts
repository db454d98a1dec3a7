import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { MailBlock } from './mail-layout';

/**
 * A mail template: the parameters it needs (validated when a mail is queued), its subject and its
 * blocks. Blocks keep `{{param}}` placeholders: the MJML is compiled once per template and
 * language, and only the escaped values change per send. Use `{{param}}` in hrefs and texts.
 */
export type TemplateDefinition<S extends z.ZodType> = {
  /**
   * What the mail is queued with and email_log keeps. A secret link is never one of them: its
   * placeholder is filled when the mail is sent (server/mail/mail-links.ts).
   */
  params: S;
  subject: (t: TFunction, params: z.infer<S>) => string;
  blocks: (t: TFunction) => MailBlock[];
};

export const defineTemplate = <S extends z.ZodType>(d: TemplateDefinition<S>) => d;
