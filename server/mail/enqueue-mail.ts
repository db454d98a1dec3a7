import type { Transaction } from 'sequelize';
import type { Locale } from '../../shared/i18n/locales';
import { EmailLogEntry } from '../db/models';
import { addJob } from '../jobs/queues';
import { rowJobId } from '../jobs/queue-work';
import { requestLog } from '../request-context';
import { mailTemplates, type MailParams, type MailTemplateName } from './mail-templates';

/** The mail's own job id (row id and creation stamp): the sweep queues a lost job under the same one. */
export function mailJobId(entry: { id: number; createdAt: Date }): string {
  return rowJobId('mail', entry.id, entry.createdAt);
}

export type Attachment = { filename: string; path: string; contentType?: string };

/**
 * Records the mail in email_log, then queues it. The log row is the truth: if Redis refuses the
 * job, the row stays `queued` and the worker's sweep re-queues it, so no mail is lost.
 */
export async function enqueueMail<N extends MailTemplateName>(
  input: { to: string; template: N; locale: Locale; params: MailParams<N>; attachments?: Attachment[] },
  transaction?: Transaction,
): Promise<EmailLogEntry> {
  const params = mailTemplates[input.template].params.parse(input.params) as Record<string, unknown>;
  const entry = await EmailLogEntry.create(
    {
      recipient: input.to,
      template: input.template,
      locale: input.locale,
      params: { ...params, ...(input.attachments ? { _attachments: input.attachments } : {}) },
      subject: null,
      lastError: null,
      messageId: null,
      sentAt: null,
    },
    { transaction },
  );
  const queue = async () => {
    try {
      await addJob('mail', { emailLogId: entry.id }, { jobId: mailJobId(entry) });
    } catch (error) {
      requestLog().error({ err: error, emailLogId: entry.id }, 'mail job not queued; the sweep will retry');
    }
  };
  if (transaction) transaction.afterCommit(queue);
  else await queue();
  return entry;
}
