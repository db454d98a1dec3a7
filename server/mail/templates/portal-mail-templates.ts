import { z } from 'zod';
import { defineTemplate } from '../define-template';

/** Quota warnings of the client portal: the plan's allowance reached at 80 % and at 100 % (once a month each). */
const quotaParams = z.object({ companyName: z.string(), used: z.string(), allowed: z.string(), dashboardUrl: z.url() });

const quotaMail = (kind: 'tickets' | 'computers', threshold: 80 | 100) =>
  defineTemplate({
    params: quotaParams,
    subject: (t) => t(`mailPortal.${kind}${threshold}Subject`),
    blocks: (t) => [
      { kind: 'text', html: t('mailPortal.hello') },
      {
        kind: 'text',
        html: t(`mailPortal.${kind}${threshold}Body`, { companyName: '{{companyName}}', used: '{{used}}', allowed: '{{allowed}}' }),
      },
      { kind: 'muted', html: t(`mailPortal.${kind}Advice`) },
      { kind: 'button', label: t('mailPortal.cta'), href: '{{dashboardUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  });

export const portalMailTemplates = {
  'quota-tickets-80': quotaMail('tickets', 80),
  'quota-tickets-100': quotaMail('tickets', 100),
  'quota-computers-80': quotaMail('computers', 80),
  'quota-computers-100': quotaMail('computers', 100),
};
