import type { Transaction } from 'sequelize';
import { addJob, type JobPayload } from '../../jobs/queues';
import { logger } from '../../logger';

export type BillingDocumentKind = JobPayload<'documents'>['kind'];

/**
 * Once the issuing transaction commits, asks the worker for the document's PDF and e-mail. If
 * Redis refuses the job, the worker's sweep finds the document without a PDF and queues it again.
 * The job id carries the time: ids restart with a fresh database, BullMQ's retained jobs do not,
 * and the generation itself is idempotent (see document-delivery.ts).
 */
export function queueDocumentDelivery(kind: BillingDocumentKind, document: { id: number }, transaction: Transaction): void {
  transaction.afterCommit(async () => {
    try {
      await addJob('documents', { kind, id: document.id }, { jobId: `document-${kind}-${document.id}-${Date.now()}` });
    } catch (error) {
      logger.error({ err: error, kind, id: document.id }, 'document job not queued; the sweep will retry');
    }
  });
}
