import { Op } from 'sequelize';
import {
  Company,
  CreditNote,
  Invoice,
  Proforma,
  PurchaseOrder,
  QuoteCall,
  QuoteRequest,
  Service,
  Subscription,
  SubscriptionReminder,
  User,
} from '../db/models';
import { notFound } from '../errors';
import { addDays, algiersMidnight } from '../calendar/algiers-calendar';
import { billingLinks } from '../sales/billing-links';
import { quoteReference } from '../sales/quotes/quote-reference';

export const timelineKinds = [
  'quoteRequested',
  'quoteCalled',
  'proformaIssued',
  'proformaAccepted',
  'proformaRefused',
  'proformaExpired',
  'paymentRecorded',
  'purchaseOrderUploaded',
  'purchaseOrderAccepted',
  'purchaseOrderRefused',
  'invoiceIssued',
  'invoicePaid',
  'creditNoteIssued',
  'subscriptionActivated',
  'subscriptionReminded',
  'subscriptionEnded',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export type TimelineEntry = {
  at: Date;
  kind: TimelineKind;
  /** The record's name as people say it: DV-00012, PF-2026-0003, a service name… */
  reference: string;
  /** The English name when it differs (services). */
  referenceEn: string | null;
  link: string | null;
  /** A code the page translates (call outcome, reminder kind), if the kind has one. */
  code: string | null;
  /** Free text written by a person (call note, refusal reason). */
  note: string | null;
  who: string | null;
};

/** Entries shown at most: the newest ones; the documents and audit trail hold the rest. */
const maxEntries = 300;

/**
 * What happened with a company, newest first: quote requests and calls, each document's steps,
 * subscription activations, reminders and ends — read from the records' own dates, one query per
 * kind of record, merged here.
 */
export async function companyTimeline(companyId: number, now = new Date()): Promise<TimelineEntry[]> {
  if (!(await Company.count({ where: { id: companyId } }))) throw notFound();
  const [quotes, proformas, orders, invoices, notes, subscriptions] = await Promise.all([
    QuoteRequest.findAll({ where: { companyId }, include: [{ model: User, as: 'requester', attributes: ['firstName', 'lastName'] }] }),
    Proforma.findAll({ where: { companyId } }),
    PurchaseOrder.findAll({ where: { companyId }, include: [{ model: Proforma, as: 'proforma', attributes: ['id', 'number'] }] }),
    Invoice.findAll({ where: { companyId } }),
    CreditNote.findAll({ where: { companyId } }),
    Subscription.findAll({ where: { companyId }, include: [{ model: Service, as: 'service', attributes: ['nameFr', 'nameEn'] }] }),
  ]);
  const [calls, reminders] = await Promise.all([
    quotes.length === 0
      ? []
      : QuoteCall.findAll({
          where: { quoteRequestId: { [Op.in]: quotes.map((q) => q.id) } },
          include: [{ model: User, as: 'caller', attributes: ['firstName', 'lastName'] }],
        }),
    subscriptions.length === 0
      ? []
      : SubscriptionReminder.findAll({ where: { subscriptionId: { [Op.in]: subscriptions.map((s) => s.id) } } }),
  ]);

  const entries: TimelineEntry[] = [];
  const add = (
    at: Date | null,
    kind: TimelineKind,
    reference: string,
    link: string | null,
    extra: Partial<Pick<TimelineEntry, 'code' | 'note' | 'who' | 'referenceEn'>> = {},
  ) => {
    if (at)
      entries.push({
        at,
        kind,
        reference,
        referenceEn: extra.referenceEn ?? null,
        link,
        code: extra.code ?? null,
        note: extra.note ?? null,
        who: extra.who ?? null,
      });
  };
  const nameOf = (user: User | null | undefined) => (user ? `${user.firstName} ${user.lastName}` : null);

  const quoteRefs = new Map(quotes.map((q) => [q.id, quoteReference(q.id)]));
  for (const q of quotes as Array<QuoteRequest & { requester?: User }>) {
    add(q.createdAt, 'quoteRequested', quoteReference(q.id), `/backoffice/quotes/${q.id}`, { who: nameOf(q.requester) });
  }
  for (const c of calls as Array<QuoteCall & { caller?: User }>) {
    add(c.createdAt, 'quoteCalled', quoteRefs.get(c.quoteRequestId) ?? '', `/backoffice/quotes/${c.quoteRequestId}`, {
      code: c.outcome,
      note: c.note,
      who: nameOf(c.caller),
    });
  }
  for (const p of proformas) {
    const link = billingLinks.staffProforma(p.id);
    add(p.createdAt, 'proformaIssued', p.number, link);
    add(p.acceptedAt, 'proformaAccepted', p.number, link);
    add(p.refusedAt, 'proformaRefused', p.number, link, { note: p.refusalReason });
    add(p.paymentRecordedAt, 'paymentRecorded', p.number, link, { note: p.paymentReference });
    // An offer lapses when its last day (Algiers) is over.
    if (p.status === 'expired') add(algiersMidnight(addDays(p.validUntil, 1)), 'proformaExpired', p.number, link);
  }
  for (const o of orders as Array<PurchaseOrder & { proforma: Proforma }>) {
    const link = billingLinks.staffProforma(o.proformaId);
    add(o.createdAt, 'purchaseOrderUploaded', o.proforma.number, link, { note: o.originalName });
    if (o.status !== 'pending')
      add(o.reviewedAt, o.status === 'accepted' ? 'purchaseOrderAccepted' : 'purchaseOrderRefused', o.proforma.number, link, {
        note: o.refusalReason,
      });
  }
  for (const i of invoices) {
    add(i.createdAt, 'invoiceIssued', i.number, billingLinks.staffInvoice(i.id));
    add(i.paidAt, 'invoicePaid', i.number, billingLinks.staffInvoice(i.id));
  }
  for (const n of notes) add(n.createdAt, 'creditNoteIssued', n.number, billingLinks.staffInvoice(n.invoiceId), { note: n.reason });
  const services = new Map<number, Service>();
  for (const s of subscriptions as Array<Subscription & { service: Service }>) {
    services.set(s.id, s.service);
    const names = { referenceEn: s.service.nameEn };
    add(s.createdAt, 'subscriptionActivated', s.service.nameFr, null, { ...names, code: String(s.months) });
    if (s.endAt.getTime() <= now.getTime()) add(s.endAt, 'subscriptionEnded', s.service.nameFr, null, names);
  }
  for (const r of reminders) {
    const service = services.get(r.subscriptionId);
    add(r.createdAt, 'subscriptionReminded', service?.nameFr ?? '', null, { referenceEn: service?.nameEn ?? null, code: r.kind });
  }

  return entries
    .sort((a, b) => b.at.getTime() - a.at.getTime() || timelineKinds.indexOf(b.kind) - timelineKinds.indexOf(a.kind))
    .slice(0, maxEntries);
}
