import { z } from 'zod';
import { defineTemplate } from '../define-template';

/**
 * The satisfaction survey of a solved or closed ticket: five stars and a button, each a link to
 * the survey page (no log-in needed). The links are made when the mail is sent (mail-links.ts):
 * email_log keeps only the survey's id.
 */
export const satisfactionMailTemplates = {
  'ticket-satisfaction': defineTemplate({
    params: z.object({ surveyId: z.number().int().positive(), ticketId: z.string(), ticketTitle: z.string() }),
    subject: (t, params) => t('satisfaction.mailSubject', { ticketId: params.ticketId }),
    blocks: (t) => [
      { kind: 'text', html: t('mailSync.hello') },
      { kind: 'text', html: t('satisfaction.mailBody', { ticketId: '{{ticketId}}', ticketTitle: '{{ticketTitle}}' }) },
      {
        kind: 'text',
        html: [1, 2, 3, 4, 5]
          .map(
            (stars) =>
              `<a href="{{star${stars}Url}}" style="font-size:28px;text-decoration:none;color:#d89b00" title="${t('satisfaction.stars', { n: stars })}">★</a>`,
          )
          .join(' '),
      },
      { kind: 'button', label: t('satisfaction.mailCta'), href: '{{surveyUrl}}' },
      { kind: 'muted', html: t('satisfaction.mailNoLogin', { days: 30 }) },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
};
