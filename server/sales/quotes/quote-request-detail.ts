import { AuditEntry, Company, Proforma, QuoteCall, QuoteRequest, Service, User } from '../../db/models';
import { notFound } from '../../errors';
import { quoteReference } from './quote-reference';

type TimelineEvent = {
  at: Date;
  /** Key under boQuotes.timeline: the audit action with `_` for `.` (quote_submit, quote_call, proforma_issue…). */
  kind: string;
  actorName: string | null;
  params: Record<string, string | number>;
};

const fullName = (u: User | null | undefined) => (u ? `${u.firstName} ${u.lastName}` : null);

/** Everything a commercial needs before and after calling: the request, who to call, what happened. */
export async function quoteRequestDetail(quoteId: number) {
  const quote = await QuoteRequest.findByPk(quoteId, {
    include: [
      { model: Company, as: 'company' },
      { model: User, as: 'requester', attributes: ['id', 'firstName', 'lastName', 'email', 'phone'] },
      { model: Service, as: 'service', attributes: ['code', 'nameFr', 'nameEn', 'pricedBy'] },
    ],
  });
  if (!quote) throw notFound();
  const q = quote as QuoteRequest & { company: Company; requester: User | null; service: Service };

  const [calls, proformas, audit] = await Promise.all([
    QuoteCall.findAll({
      where: { quoteRequestId: quoteId },
      include: [{ model: User, as: 'caller', attributes: ['firstName', 'lastName'] }],
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
    }),
    Proforma.findAll({
      where: { quoteRequestId: quoteId },
      attributes: ['id', 'number', 'status', 'totalInclTaxCents', 'validUntil', 'createdAt', 'acceptedAt', 'refusedAt'],
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    AuditEntry.findAll({
      where: { recordType: 'quote_request', recordId: String(quoteId) },
      // Ids, not timestamps, give the true order: several steps often share one second.
      order: [['id', 'ASC']],
    }),
  ]);

  const actorIds = [...new Set(audit.map((a) => a.actorUserId).filter((id): id is number => id !== null))];
  const actors = new Map(
    (await User.findAll({ where: { id: actorIds }, attributes: ['id', 'firstName', 'lastName'] })).map((u) => [u.id, u]),
  );

  const timeline: TimelineEvent[] = [
    ...audit.map((a): TimelineEvent => ({
      at: a.createdAt,
      kind: a.action.replace(/\./g, '_'),
      actorName: a.actorUserId === null ? null : fullName(actors.get(a.actorUserId)),
      params: a.action === 'quote.call' && typeof a.details?.outcome === 'string' ? { outcome: a.details.outcome } : {},
    })),
    ...proformas.map((p): TimelineEvent => ({ at: p.createdAt, kind: 'proforma_issue', actorName: null, params: { number: p.number } })),
    // A stable sort: events of the same second keep the audit log's order.
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());

  return {
    id: q.id,
    reference: quoteReference(q.id),
    status: q.status,
    createdAt: q.createdAt,
    contactedAt: q.contactedAt,
    previousQuoteId: q.previousQuoteId,
    service: { code: q.service.code, nameFr: q.service.nameFr, nameEn: q.service.nameEn, pricedBy: q.service.pricedBy },
    durationMonths: q.durationMonths,
    ticketsPerMonth: q.ticketsPerMonth,
    pcsCount: q.pcsCount,
    softwareCount: q.softwareCount,
    description: q.description,
    estimatedMonthlyPriceDa: q.estimatedMonthlyPriceDa,
    company: {
      id: q.company.id,
      name: q.company.name,
      sector: q.company.sector,
      employeeRange: q.company.employeeRange,
      address: q.company.address,
      phone: q.company.phone,
      rc: q.company.rc,
      nif: q.company.nif,
      nis: q.company.nis,
      ai: q.company.ai,
    },
    requester: q.requester ? { name: fullName(q.requester)!, email: q.requester.email, phone: q.requester.phone } : null,
    calls: calls.map((c) => ({
      id: c.id,
      at: c.createdAt,
      outcome: c.outcome,
      note: c.note,
      callerName: fullName((c as QuoteCall & { caller?: User }).caller),
    })),
    proformas: proformas.map((p) => ({
      id: p.id,
      number: p.number,
      status: p.status,
      totalInclTaxCents: Number(p.totalInclTaxCents),
      validUntil: p.validUntil,
      createdAt: p.createdAt,
      acceptedAt: p.acceptedAt,
      refusedAt: p.refusedAt,
    })),
    timeline,
  };
}
