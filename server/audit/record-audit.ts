import type { Transaction } from 'sequelize';
import { AuditEntry } from '../db/models';

export type AuditInput = {
  actorUserId: number | null;
  action: string;
  recordType: string;
  recordId?: string | number | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
};

/** Who did what to which record; written in the same transaction as the change when there is one. */
export async function recordAudit(input: AuditInput, transaction?: Transaction): Promise<void> {
  await AuditEntry.create(
    {
      actorUserId: input.actorUserId,
      action: input.action,
      recordType: input.recordType,
      recordId: input.recordId == null ? null : String(input.recordId),
      details: input.details ?? null,
      ip: input.ip ?? null,
    },
    { transaction },
  );
}
