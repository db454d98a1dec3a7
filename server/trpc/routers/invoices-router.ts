import { z } from 'zod';
import { invoiceDetail, listInvoices, listInvoicesInput } from '../../sales/invoices/list-invoices';
import { issueCreditNote, issueCreditNoteInput } from '../../sales/invoices/issue-credit-note';
import { issueInvoice, issueInvoiceInput } from '../../sales/invoices/issue-invoice';
import { markInvoicePaid, markInvoicePaidInput } from '../../sales/invoices/mark-invoice-paid';
import { router, staffProcedure } from '../init';
import { actor } from '../actor';
import { recordId } from '../../validation/fields';

export const invoicesRouter = router({
  list: staffProcedure.input(listInvoicesInput).query(({ input }) => listInvoices(input)),
  get: staffProcedure.input(z.object({ id: recordId })).query(({ input }) => invoiceDetail(input.id)),
  issue: staffProcedure.input(issueInvoiceInput).mutation(({ ctx, input }) => issueInvoice(input, actor(ctx))),
  markPaid: staffProcedure.input(markInvoicePaidInput).mutation(({ ctx, input }) => markInvoicePaid(input, actor(ctx))),
  issueCreditNote: staffProcedure.input(issueCreditNoteInput).mutation(({ ctx, input }) => issueCreditNote(input, actor(ctx))),
});
