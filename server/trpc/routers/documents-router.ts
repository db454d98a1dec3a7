import { z } from 'zod';
import { billingDocumentFile } from '../../sales/documents/billing-document-file';
import { clientHome, listClientDocuments } from '../../sales/documents/client-documents';
import { authedProcedure, billingProcedure, router } from '../init';
import { viewerOf } from '../../sales/viewer-scope';
import { recordId } from '../../validation/fields';

export const documentsRouter = router({
  /** The client's pro-formas, purchase orders, invoices and credit notes. */
  list: billingProcedure.query(({ ctx }) => listClientDocuments(ctx.companyId)),
  /** The client home's summary: subscription, document counts, what to do next. */
  home: billingProcedure.query(({ ctx }) => clientHome(ctx.companyId)),
  /** A document's PDF, for its company's clients or the staff (the download route streams it). */
  pdf: authedProcedure
    .input(z.object({ kind: z.enum(['proforma', 'invoice', 'creditNote']), id: recordId }))
    .query(({ ctx, input }) => billingDocumentFile(input.kind, input.id, viewerOf(ctx))),
});
