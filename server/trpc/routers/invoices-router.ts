import { z } from 'zod';
import { invoiceDetail, listInvoices, listInvoicesInput } from '../../sales/invoices/list-invoices';
import { issueCreditNote, issueCreditNoteInput } from '../../sales/invoices/issue-credit-note';
import { issueInvoice, issueInvoiceInput } from '../../sales/invoices/issue-invoice';
import { markInvoicePaid, markInvoicePaidInput } from '../../sales/invoices/mark-invoice-paid';
import { router, staffProcedure } from '../init';

const actor = (ctx: { user: { id: number }; meta: { ip: string | null } }) => ({ userId: ctx.user.id, ip: ctx.meta.ip });

export const invoicesRouter = router({
  list: staffProcedure.input(listInvoicesInput).query(({ input }) => listInvoices(input)),
  get: staffProcedure.input(z.object({ id: z.number().int().positive() })).query(({ input }) => invoiceDetail(input.id)),
  issue: staffProcedure.input(issueInvoiceInput).mutation(({ ctx, input }) => issueInvoice(input, actor(ctx))),
  markPaid: staffProcedure.input(markInvoicePaidInput).mutation(({ ctx, input }) => markInvoicePaid(input, actor(ctx))),
  issueCreditNote: staffProcedure.input(issueCreditNoteInput).mutation(({ ctx, input }) => issueCreditNote(input, actor(ctx))),
});
