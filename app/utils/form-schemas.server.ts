import { createEmployeeInput } from '../../server/admin/employees/employee-schemas';
import { retryJobInput } from '../../server/admin/queues/queue-inspector';
import { ticketPayloadSchema } from '../../server/glpi-outbox/outbox-payload';
import { markInvoicePaidInput } from '../../server/sales/invoices/mark-invoice-paid';
import { recordPaymentInput } from '../../server/sales/proformas/record-payment';
import { logQuoteCallInput } from '../../server/sales/quotes/quote-request-schemas';

/**
 * The parts of procedures' input schemas that actions parse form values with (parseForm,
 * ~/trpc.server) instead of casting them to the type the procedure wants. Server-only: the
 * schemas' modules reach the database.
 */
export const callOutcomeForm = logQuoteCallInput.pick({ outcome: true });
export const employeeRoleForm = createEmployeeInput.pick({ role: true });
export const retryJobForm = retryJobInput;
export const proformaPaymentForm = recordPaymentInput.pick({ method: true });
export const invoicePaymentForm = markInvoicePaidInput.pick({ method: true });
export const ticketChoicesForm = ticketPayloadSchema.pick({ type: true, asset: true });
