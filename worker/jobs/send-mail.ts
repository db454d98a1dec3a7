import type { Job } from 'bullmq';
import type { Transporter } from 'nodemailer';
import { config } from '../../server/config';
import { EmailLogEntry } from '../../server/db/models';
import { queueDefinitions } from '../../server/jobs/queues';
import { mailTemplates, type MailTemplateName } from '../../server/mail/mail-templates';
import { renderMail } from '../../server/mail/render-mail';
import { resolveLocale } from '../../app/i18n/locales';
import type { Attachment } from '../../server/mail/enqueue-mail';

/**
 * Sends one logged e-mail. Each attempt is counted in email_log with its error; BullMQ retries with
 * back-off, and the last failure leaves the row `failed` for an admin to resend.
 */
export function sendMailProcessor(transport: Transporter) {
  return async (job: Job): Promise<void> => {
    const { emailLogId } = queueDefinitions.mail.payload.parse(job.data);
    const entry = await EmailLogEntry.findByPk(emailLogId);
    if (!entry || entry.state === 'sent') return; // already delivered: a replayed job sends nothing twice
    if (!(entry.template in mailTemplates)) throw new Error(`Unknown mail template ${entry.template}`);
    const { _attachments, ...params } = entry.params as Record<string, unknown> & { _attachments?: Attachment[] };
    try {
      const mail = await renderMail(entry.template as MailTemplateName, resolveLocale(entry.locale), params);
      const info = await transport.sendMail({
        from: config.MAIL_FROM,
        to: entry.recipient,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments: _attachments,
      });
      await entry.update({
        state: 'sent',
        subject: mail.subject,
        attempts: entry.attempts + 1,
        messageId: info.messageId ?? null,
        sentAt: new Date(),
        lastError: null,
      });
    } catch (error) {
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await entry.update({
        attempts: entry.attempts + 1,
        lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error),
        state: finalAttempt ? 'failed' : 'queued',
      });
      throw error;
    }
  };
}
