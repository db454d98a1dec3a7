import { z } from 'zod';
import { defineTemplate } from '../define-template';

/** Mail templates of subscription changes (tier change, cancellation at term); see define-template.ts. */
const url = z.url();

export const subscriptionMailTemplates = {
  /** To the client, when the new tier is in place (a downgrade at once, an upgrade once its invoice is activated). */
  'subscription-tier-changed': defineTemplate({
    params: z.object({ service: z.string(), tier: z.number(), start: z.string(), end: z.string(), url }),
    subject: (t) => t('mailSubscription.tierChangedSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      {
        kind: 'text',
        html: t('mailSubscription.tierChangedBody', { service: '{{service}}', tier: '{{tier}}', start: '{{start}}', end: '{{end}}' }),
      },
      { kind: 'button', label: t('mailBilling.portalCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** To the client: what they asked for, confirmed. */
  'subscription-cancelled-at-term': defineTemplate({
    params: z.object({ service: z.string(), end: z.string(), url }),
    subject: (t) => t('mailSubscription.cancelledAtTermSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailSubscription.cancelledAtTermBody', { service: '{{service}}', end: '{{end}}' }) },
      { kind: 'button', label: t('mailBilling.portalCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** To the sales team. */
  'subscription-cancel-requested': defineTemplate({
    params: z.object({ service: z.string(), end: z.string(), url }),
    subject: (t) => t('mailSubscription.cancelRequestedSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailSubscription.cancelRequestedBody', { service: '{{service}}', end: '{{end}}' }) },
      { kind: 'button', label: t('mailSubscription.openCompany'), href: '{{url}}' },
    ],
  }),
};
