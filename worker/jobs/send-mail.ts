import type { Job } from 'bullmq';
import { config } from '../../server/config';
import { EmailLogEntry } from '../../server/db/models';
import { queueDefinitions } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import { mailTemplates, type MailTemplateName } from '../../server/mail/mail-templates';
import { makeMailLink } from '../../server/mail/mail-links';
import { renderMail } from '../../server/mail/render-mail';
import { SmtpSendError, type MailSender } from '../../server/mail/transport';
import { resolveLocale } from '../../shared/i18n/locales';
import type { Attachment } from '../../server/mail/enqueue-mail';
import { claimMail, markMessageStarted, markUncertain, settleClaim } from './mail-claim';

export type MailDeliveryOptions = {
  /** Tests only: runs after the SMTP server accepted the message and before the row says so — where a crash hurts. */
  afterAccepted?: (entry: EmailLogEntry) => void | Promise<void>;
};

/**
 * Sends one logged e-mail, at most once per claim (decisions/130): the row is claimed before the
 * SMTP conversation and settled after it. Each attempt is counted in email_log with its error;
 * BullMQ retries with back-off, and the last failure leaves the row `failed` for an admin to resend.
 */
export function sendMailProcessor(sender: MailSender, options: MailDeliveryOptions = {}) {
  return async (job: Job): Promise<void> => {
    const { emailLogId } = queueDefinitions.mail.payload.parse(job.data);
    const entry = await EmailLogEntry.findByPk(emailLogId);
    // Done, or left for staff: a replayed job sends nothing twice.
    if (!entry || entry.state === 'sent' || entry.state === 'failed' || entry.state === 'uncertain') return;
    if (entry.state === 'sending' && entry.messageStartedAt !== null) {
      await markUncertain(entry);
      logger.warn(
        { emailLogId, messageId: entry.messageId },
        'mail left mid-message by a stopped worker: marked uncertain, not sent again',
      );
      return;
    }
    if (!(entry.template in mailTemplates)) throw new Error(`Unknown mail template ${entry.template}`);
    const claim = await claimMail(entry);
    if (!claim) return; // another worker holds it, or it was settled since it was read
    const { _attachments, ...params } = entry.params as Record<string, unknown> & { _attachments?: Attachment[] };
    let accepted = false;
    try {
      const link = await makeMailLink(entry.template as MailTemplateName, params);
      if (link === null) {
        // Retrying cannot help: the account, invitation or registration the link was for is gone.
        await settleClaim(entry.id, claim, { state: 'failed', lastError: 'link no longer applies: not sent' });
        return;
      }
      const mail = await renderMail(entry.template as MailTemplateName, resolveLocale(entry.locale), params, link);
      const result = await sender.send(
        {
          from: config.MAIL_FROM,
          to: entry.recipient,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: claim.messageId,
          attachments: _attachments,
        },
        () => markMessageStarted(entry.id, claim),
      );
      if (result.outcome === 'abandoned') {
        logger.info({ emailLogId }, 'mail taken over by another worker before its message left: not sent here');
        return;
      }
      accepted = true;
      await options.afterAccepted?.(entry);
      await settleClaim(entry.id, claim, {
        state: 'sent',
        subject: mail.subject,
        messageId: result.serverMessageId ?? claim.messageId,
        sentAt: new Date(),
        lastError: null,
      });
    } catch (error) {
      // The relay has it and the row could not say so (the database failed): never queued again.
      // The replay finds the claim mid-message and leaves it to staff.
      if (accepted) throw error;
      const reason = error instanceof Error ? error.message.slice(0, 1500) : String(error);
      if (error instanceof SmtpSendError && error.maybeDelivered) {
        // Sending again could deliver it twice: staff decide, with the Message-ID to look for.
        await settleClaim(entry.id, claim, {
          state: 'uncertain',
          lastError: `${reason} — the connection failed while the SMTP server was receiving this message (Message-ID ${claim.messageId}): it may have been delivered; check the relay's log before resending`,
        });
        logger.warn({ emailLogId, messageId: claim.messageId, err: reason }, 'mail may have been delivered: marked uncertain, not retried');
        return;
      }
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await settleClaim(entry.id, claim, { state: finalAttempt ? 'failed' : 'queued', lastError: reason });
      throw error;
    }
  };
}
