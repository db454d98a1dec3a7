import { z } from 'zod';
import { defineTemplate } from '../define-template';

/** Mail templates of the sales screens (see define-template.ts). */
export const salesMailTemplates = {
  /** To the client who asked for a quote. `estimate` is already worded in the client's language. */
  'quote-received': defineTemplate({
    params: z.object({
      name: z.string(),
      reference: z.string(),
      serviceName: z.string(),
      durationMonths: z.number(),
      estimate: z.string(),
      portalUrl: z.url(),
    }),
    subject: (t) => t('mailSales.quoteReceivedSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mail.greeting', { name: '{{name}}' }) },
      { kind: 'text', html: t('mailSales.quoteReceivedBody', { reference: '{{reference}}' }) },
      {
        kind: 'text',
        html: t('mailSales.quoteSummary', {
          serviceName: '{{serviceName}}',
          durationMonths: '{{durationMonths}}',
          estimate: '{{estimate}}',
        }),
      },
      { kind: 'text', html: t('mailSales.quoteReceivedNext') },
      { kind: 'button', label: t('mailSales.quoteReceivedCta'), href: '{{portalUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** To the sales team's address. */
  'new-quote-request': defineTemplate({
    params: z.object({
      reference: z.string(),
      companyName: z.string(),
      contactName: z.string(),
      phone: z.string(),
      serviceName: z.string(),
      durationMonths: z.number(),
      estimate: z.string(),
      quoteUrl: z.url(),
    }),
    subject: (t) => t('mailSales.newQuoteSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailSales.newQuoteBody', { reference: '{{reference}}', companyName: '{{companyName}}' }) },
      { kind: 'text', html: t('mailSales.newQuoteContact', { contactName: '{{contactName}}', phone: '{{phone}}' }) },
      {
        kind: 'text',
        html: t('mailSales.quoteSummary', {
          serviceName: '{{serviceName}}',
          durationMonths: '{{durationMonths}}',
          estimate: '{{estimate}}',
        }),
      },
      { kind: 'button', label: t('mailSales.newQuoteCta'), href: '{{quoteUrl}}' },
    ],
  }),
  /** A message left through the public contact form, to the sales team's address. */
  'contact-message': defineTemplate({
    params: z.object({ name: z.string(), email: z.string(), phone: z.string(), company: z.string(), message: z.string() }),
    subject: (t) => t('mailSales.contactSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailSales.contactFrom', { name: '{{name}}', email: '{{email}}' }) },
      { kind: 'muted', html: t('mailSales.contactDetails', { phone: '{{phone}}', company: '{{company}}' }) },
      { kind: 'text', html: '{{message}}' },
    ],
  }),
};
