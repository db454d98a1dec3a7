import { z } from 'zod';
import { defineTemplate } from '../define-template';

/** The monthly report, mailed to a company's managers with its PDF attached (server/reports/generate-report.ts). */
export const reportMailTemplates = {
  'monthly-report': defineTemplate({
    params: z.object({ companyName: z.string(), month: z.string(), opened: z.string(), solved: z.string(), reportsUrl: z.url() }),
    subject: (t, params) => t('mailReport.subject', { month: params.month }),
    blocks: (t) => [
      { kind: 'text', html: t('mailPortal.hello') },
      {
        kind: 'text',
        html: t('mailReport.body', { month: '{{month}}', companyName: '{{companyName}}', opened: '{{opened}}', solved: '{{solved}}' }),
      },
      { kind: 'button', label: t('mailReport.cta'), href: '{{reportsUrl}}' },
      { kind: 'text', html: t('mail.signature') },
    ],
  }),
};
