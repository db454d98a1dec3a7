import type { Model, Transaction } from 'sequelize';
import { recordAudit } from '../audit/record-audit';
import type { Invoice, Subscription } from '../db/models';
import type { MailParams, MailTemplateName } from '../mail/mail-templates';
import { companyUserIds, notifyStaff, notifyUsers } from '../notifications/notify';
import type { Actor } from './billing-links';
import { assertTransition, type PipelineState } from './pipeline-states';

type Machines = { invoice: Invoice; subscription: Subscription };
type AnyMail = { [N in MailTemplateName]: { template: N; params: MailParams<N> } }[MailTemplateName];

/** Who hears of a change: the record's company (in-app and mail in each person's language) or the sales team. */
export type Notice = { to: 'company' | 'staff'; kind: string; params: Record<string, string | number>; link?: string | null; mail?: AnyMail };

/**
 * The one way an invoice or a subscription changes state: asserts the step is allowed from the
 * state the locked row holds, writes the new state with the fields that go with it, writes the
 * audit row and the notifications — all on the caller's transaction, so a refused or rolled-back
 * step leaves no trace. The row must have been read with `lock: UPDATE` in that transaction: two
 * staff members (or a worker and a client) racing on one record are serialized, and the second
 * one's assertion sees the first one's state. Writes go through the model (its hooks drop cached
 * subscription periods in every process).
 */
export async function applyTransition<M extends keyof Machines>(
  step: {
    machine: M;
    record: Machines[M];
    to: PipelineState<M>;
    changes?: Partial<Omit<Machines[M]['_creationAttributes'], 'status'>>;
    audit: { action: string; details?: Record<string, unknown> };
    notify?: Notice[];
  },
  actor: Actor | null,
  transaction: Transaction,
): Promise<void> {
  const { machine, record, to } = step;
  const from = record.status as PipelineState<M>;
  assertTransition(machine, from, to);
  await (record as Model).update({ ...step.changes, status: to }, { transaction });
  await recordAudit(
    { actorUserId: actor?.userId ?? null, action: step.audit.action, recordType: machine, recordId: record.id, details: { from, to, ...step.audit.details }, ip: actor?.ip },
    transaction,
  );
  for (const notice of step.notify ?? []) {
    const message = { kind: notice.kind, params: notice.params, link: notice.link, mail: notice.mail };
    if (notice.to === 'staff') await notifyStaff(message, transaction);
    else await notifyUsers({ userIds: await companyUserIds(record.companyId, transaction), ...message }, transaction);
  }
}
