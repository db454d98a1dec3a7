import { z } from 'zod';
import { defineTemplate } from '../define-template';

/** What the sync saw change on a ticket, mailed to the client company's users (see define-template.ts). */
const ticketParams = z.object({ ticketId: z.string(), ticketTitle: z.string(), ticketUrl: z.url() });

const ticketMail = (kind: 'solved' | 'closed' | 'status' | 'answer' | 'received') =>
  defineTemplate({
    params: ticketParams,
    subject: (t, params) => t(`mailSync.${kind}Subject`, { ticketId: params.ticketId }),
    blocks: (t) => [
      { kind: 'text', html: t('mailSync.hello') },
      { kind: 'text', html: t(`mailSync.${kind}Body`, { ticketId: '{{ticketId}}', ticketTitle: '{{ticketTitle}}' }) },
      { kind: 'button', label: t('mailSync.cta'), href: '{{ticketUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  });

export const glpiMailTemplates = {
  'glpi-ticket-solved': ticketMail('solved'),
  'glpi-ticket-closed': ticketMail('closed'),
  'glpi-ticket-status': ticketMail('status'),
  'glpi-ticket-answer': ticketMail('answer'),
  'glpi-ticket-received': ticketMail('received'),
};
