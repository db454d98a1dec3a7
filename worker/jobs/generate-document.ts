import { UnrecoverableError, type Job } from 'bullmq';
import { ZodError } from 'zod';
import { queueDefinitions } from '../../server/jobs/queues';
import { logger } from '../../server/logger';
import { deliverDocument } from '../../server/sales/documents/document-delivery';

/**
 * The documents queue: renders a pro-forma, invoice or credit note PDF, stores it and queues its
 * e-mail (server/sales/documents/document-delivery.ts, idempotent: a replay sends nothing twice). A
 * document whose figures do not add up can never be printed: no retry for that.
 */
export function generateDocumentProcessor() {
  return async (job: Job) => {
    const { kind, id } = queueDefinitions.documents.payload.parse(job.data);
    try {
      const outcome = await deliverDocument(kind, id);
      if (outcome === 'missing') logger.warn({ kind, id }, 'document to generate not found');
      return { outcome };
    } catch (error) {
      if (error instanceof ZodError) throw new UnrecoverableError(`document ${kind} ${id} is not printable: ${error.message}`);
      throw error;
    }
  };
}
