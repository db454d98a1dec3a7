import type { Model, Transaction } from 'sequelize';
import { recordAudit } from '../audit/record-audit';
import type { Invoice, PaymentProof, Proforma, PurchaseOrder, QuoteRequest, Subscription } from '../db/models';
import type { MailParams, MailTemplateName } from '../mail/mail-templates';
import { companyUserIds, notifyStaff, notifyUsers } from '../notifications/notify';
import type { Actor } from './billing-links';
import { assertTransition, type PipelineState } from './pipeline-states';

type Machines = {
  quote: QuoteRequest;
  proforma: Proforma;
  purchaseOrder: PurchaseOrder;
  invoice: Invoice;
  subscription: Subscription;
  paymentProof: PaymentProof;
};
type AnyMail = { [N in MailTemplateName]: { template: N; params: MailParams<N> } }[MailTemplateName];

/** The audit log's name for each machine's records (the tables' names, kept from before the machines). */
const auditRecordTypes = {
  quote: 'quote_request',
  proforma: 'proforma',
  purchaseOrder: 'purchase_order',
  invoice: 'invoice',
  subscription: 'subscription',
  paymentProof: 'payment_proof',
} as const satisfies Record<keyof Machines, string>;

/**
 * Who hears of a change: the record's company (its managers and billing contacts, in-app and mail
 * in each person's language), the sales team, or named people (a quote's requester).
 */
export type Notice = {
  to: 'company' | 'staff' | { userIds: number[] };
  kind: string;
  params: Record<string, string | number>;
  link?: string | null;
  mail?: AnyMail;
};

/**
 * The one way a quote, a pro-forma, a purchase order, an invoice, a payment proof or a subscription changes state:
 * asserts the step is allowed from the state the locked row holds, writes the new state with the
 * fields that go with it, writes the audit row (details carry `from` and `to`) and the
 * notifications — all on the caller's transaction, so a refused or rolled-back step leaves no
 * trace. The row must have been read with `lock: UPDATE` in that transaction: two staff members
 * (or a worker and a client) racing on one record are serialized, and the second one's assertion
 * sees the first one's state. Writes go through the model (its hooks drop cached subscription
 * periods in every process).
 *
 * `audit` is left out only for a step that follows another record's change whose own audit row
 * tells it: a quote moving with its pro-forma (issued, accepted, refused, expired).
 */
export async function applyTransition<M extends keyof Machines>(
  step: {
    machine: M;
    record: Machines[M];
    to: PipelineState<M>;
    changes?: Partial<Omit<Machines[M]['_creationAttributes'], 'status'>>;
    audit?: { action: string; details?: Record<string, unknown> };
    notify?: Notice[];
  },
  actor: Actor | null,
  transaction: Transaction,
): Promise<void> {
  const { machine, record, to } = step;
  const from = record.status as PipelineState<M>;
  assertTransition(machine, from, to);
  await (record as Model).update({ ...step.changes, status: to }, { transaction });
  if (step.audit) {
    await recordAudit(
      {
        actorUserId: actor?.userId ?? null,
        action: step.audit.action,
        recordType: auditRecordTypes[machine],
        recordId: record.id,
        details: { from, to, ...step.audit.details },
        ip: actor?.ip,
      },
      transaction,
    );
  }
  for (const notice of step.notify ?? []) {
    const message = { kind: notice.kind, params: notice.params, link: notice.link, mail: notice.mail };
    if (notice.to === 'staff') await notifyStaff(message, transaction);
    else {
      const userIds = notice.to === 'company' ? await companyUserIds(record.companyId, transaction) : notice.to.userIds;
      await notifyUsers({ userIds, ...message }, transaction);
    }
  }
}
