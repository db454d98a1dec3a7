import { config } from '../config';

/** Who does a pipeline step: written to the audit log with the step. */
export type Actor = { userId: number; ip?: string | null };

/** Portal and back-office pages that notifications and e-mails point to. */
export const billingLinks = {
  portal: () => '/portal',
  clientProforma: (id: number) => `/portal/proformas/${id}`,
  clientDocuments: () => '/portal/documents',
  staffProforma: (id: number) => `/backoffice/proformas/${id}`,
  staffInvoice: (id: number) => `/backoffice/invoices/${id}`,
  staffCompany: (id: number) => `/backoffice/companies/${id}`,
  newQuoteFrom: (quoteId: number) => `/quote?from=${quoteId}`,
};

/** Links in e-mails are absolute. */
export const absoluteUrl = (path: string) => new URL(path, config.APP_URL).toString();
