import { z } from 'zod';
import { defineTemplate } from '../define-template';

/**
 * Mail templates of the billing screens (see define-template.ts). Several people of a company may
 * receive the same mail, so they open with a plain greeting rather than a name.
 */
const url = z.url();
const documentMail = z.object({ number: z.string(), total: z.string(), url });
// The buyer's name as typed (Arabic included): mails are UTF-8 HTML, the name is escaped, never transliterated.
const company = z.string().default('');

export const billingMailTemplates = {
  /** To the client, with the pro-forma's PDF attached. */
  'proforma-issued': defineTemplate({
    params: documentMail.extend({ validUntil: z.string(), company }),
    subject: (t, p) => t('mailBilling.proformaIssuedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'muted', html: t('mailBilling.forCompany', { company: '{{company}}' }) },
      {
        kind: 'text',
        html: t('mailBilling.proformaIssuedBody', { number: '{{number}}', total: '{{total}}', validUntil: '{{validUntil}}' }),
      },
      { kind: 'button', label: t('mailBilling.proformaIssuedCta'), href: '{{url}}' },
      { kind: 'muted', html: t('mailBilling.attached') },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  'proforma-expired': defineTemplate({
    params: z.object({ number: z.string(), newQuoteUrl: url }),
    subject: (t, p) => t('mailBilling.proformaExpiredSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.proformaExpiredBody', { number: '{{number}}' }) },
      { kind: 'button', label: t('mailBilling.newQuoteCta'), href: '{{newQuoteUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** To the sales team. */
  'proforma-accepted': defineTemplate({
    params: z.object({ number: z.string(), method: z.string(), url }),
    subject: (t, p) => t('mailBilling.proformaAcceptedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.proformaAcceptedBody', { number: '{{number}}', method: '{{method}}' }) },
      { kind: 'button', label: t('mailBilling.openProforma'), href: '{{url}}' },
    ],
  }),
  /** To the sales team. */
  'proforma-refused': defineTemplate({
    params: z.object({ number: z.string(), reason: z.string(), url }),
    subject: (t, p) => t('mailBilling.proformaRefusedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.proformaRefusedBody', { number: '{{number}}', reason: '{{reason}}' }) },
      { kind: 'button', label: t('mailBilling.openProforma'), href: '{{url}}' },
    ],
  }),
  'payment-recorded': defineTemplate({
    params: documentMail.extend({ method: z.string() }),
    subject: (t, p) => t('mailBilling.paymentRecordedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.paymentRecordedBody', { number: '{{number}}', total: '{{total}}', method: '{{method}}' }) },
      { kind: 'button', label: t('mailBilling.proformaIssuedCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** To the sales team. */
  'purchase-order-uploaded': defineTemplate({
    params: z.object({ number: z.string(), url }),
    subject: (t, p) => t('mailBilling.poUploadedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.poUploadedBody', { number: '{{number}}' }) },
      { kind: 'button', label: t('mailBilling.openProforma'), href: '{{url}}' },
    ],
  }),
  'purchase-order-accepted': defineTemplate({
    params: z.object({ number: z.string(), url }),
    subject: (t, p) => t('mailBilling.poAcceptedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.poAcceptedBody', { number: '{{number}}' }) },
      { kind: 'button', label: t('mailBilling.proformaIssuedCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** Asks the client for a corrected document. */
  'purchase-order-refused': defineTemplate({
    params: z.object({ number: z.string(), reason: z.string(), url }),
    subject: (t, p) => t('mailBilling.poRefusedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.poRefusedBody', { number: '{{number}}' }) },
      { kind: 'text', html: t('mailBilling.reason', { reason: '{{reason}}' }) },
      { kind: 'text', html: t('mailBilling.poRefusedAsk') },
      { kind: 'button', label: t('mailBilling.poRefusedCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  'payment-proof-rejected': defineTemplate({
    params: z.object({ number: z.string(), reason: z.string(), url }),
    subject: (t, p) => t('mailBilling.proofRejectedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.proofRejectedBody', { number: '{{number}}' }) },
      { kind: 'text', html: t('mailBilling.reason', { reason: '{{reason}}' }) },
      { kind: 'button', label: t('mailBilling.poRefusedCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** To the client, with the invoice's PDF attached. */
  'invoice-issued': defineTemplate({
    params: documentMail.extend({ dueDate: z.string(), company }),
    subject: (t, p) => t('mailBilling.invoiceIssuedSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'muted', html: t('mailBilling.forCompany', { company: '{{company}}' }) },
      { kind: 'text', html: t('mailBilling.invoiceIssuedBody', { number: '{{number}}', total: '{{total}}', dueDate: '{{dueDate}}' }) },
      { kind: 'button', label: t('mailBilling.documentsCta'), href: '{{url}}' },
      { kind: 'muted', html: t('mailBilling.attached') },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  'invoice-paid': defineTemplate({
    params: documentMail.extend({ paidOn: z.string() }),
    subject: (t, p) => t('mailBilling.invoicePaidSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.invoicePaidBody', { number: '{{number}}', total: '{{total}}', paidOn: '{{paidOn}}' }) },
      { kind: 'button', label: t('mailBilling.documentsCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** To the client, with the credit note's PDF attached. */
  'credit-note-issued': defineTemplate({
    params: documentMail.extend({ invoiceNumber: z.string() }),
    subject: (t, p) => t('mailBilling.creditNoteSubject', { number: p.number }),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      {
        kind: 'text',
        html: t('mailBilling.creditNoteBody', { number: '{{number}}', invoiceNumber: '{{invoiceNumber}}', total: '{{total}}' }),
      },
      { kind: 'button', label: t('mailBilling.documentsCta'), href: '{{url}}' },
      { kind: 'muted', html: t('mailBilling.attached') },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  'subscription-activated': defineTemplate({
    params: z.object({ service: z.string(), start: z.string(), end: z.string(), url }),
    subject: (t) => t('mailBilling.subscriptionActivatedSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.subscriptionActivatedBody', { service: '{{service}}', start: '{{start}}', end: '{{end}}' }) },
      { kind: 'button', label: t('mailBilling.portalCta'), href: '{{url}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** 30, 7 and 1 days before the end. */
  'subscription-ending': defineTemplate({
    params: z.object({ service: z.string(), end: z.string(), days: z.number(), renewUrl: url }),
    subject: (t) => t('mailBilling.subscriptionEndingSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.subscriptionEndingBody', { service: '{{service}}', end: '{{end}}', days: '{{days}}' }) },
      { kind: 'button', label: t('mailBilling.renewCta'), href: '{{renewUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
  /** On the day it ends. */
  'subscription-ends': defineTemplate({
    params: z.object({ service: z.string(), end: z.string(), days: z.number(), renewUrl: url }),
    subject: (t) => t('mailBilling.subscriptionEndsSubject'),
    blocks: (t) => [
      { kind: 'text', html: t('mailBilling.hello') },
      { kind: 'text', html: t('mailBilling.subscriptionEndsBody', { service: '{{service}}', end: '{{end}}' }) },
      { kind: 'button', label: t('mailBilling.renewCta'), href: '{{renewUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
};
