import { z } from 'zod';
import { billingDocumentFile } from '../../sales/billing-document-file';
import { clientHome, listClientDocuments } from '../../sales/client-documents';
import { authedProcedure, clientProcedure, router } from '../init';

export const documentsRouter = router({
  /** The client's pro-formas, purchase orders, invoices and credit notes. */
  list: clientProcedure.query(({ ctx }) => listClientDocuments(ctx.companyId)),
  /** The client home's summary: subscription, document counts, what to do next. */
  home: clientProcedure.query(({ ctx }) => clientHome(ctx.companyId)),
  /** A document's PDF, for its company's clients or the staff (the download route streams it). */
  pdf: authedProcedure
    .input(z.object({ kind: z.enum(['proforma', 'invoice', 'creditNote']), id: z.number().int().positive() }))
    .query(({ ctx, input }) => billingDocumentFile(input.kind, input.id, { role: ctx.user.role, companyId: ctx.user.companyId })),
});
