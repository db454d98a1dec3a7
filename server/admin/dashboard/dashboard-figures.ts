import { QueryTypes } from 'sequelize';
import { sequelize } from '../../db/sequelize';
import { algiersMonthSql, lastAlgiersMonths } from '../../calendar/algiers-calendar';

const select = <T extends object>(sql: string, replacements: Record<string, unknown>) =>
  sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
const num = (value: unknown) => Number(value ?? 0);
/** A step's rate against the step before, in % with one decimal; null when nothing entered it. */
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Clients (companies with at least one client account), active subscriptions and what they bring each month. */
export async function subscriptionFigures(now: Date) {
  const [clients] = await select<{ n: number }>(
    "SELECT COUNT(DISTINCT company_id) AS n FROM users WHERE role = 'client' AND company_id IS NOT NULL",
    {},
  );
  const [active] = await select<{ n: number; companies: number; mrr: number }>(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT company_id) AS companies, COALESCE(SUM(monthly_price_da), 0) AS mrr FROM subscriptions WHERE start_at <= :now AND end_at > :now',
    { now },
  );
  return {
    clients: num(clients?.n),
    activeSubscriptions: num(active?.n),
    subscribedCompanies: num(active?.companies),
    monthlyRecurringRevenueDa: num(active?.mrr),
  };
}

/** Invoiced (by issue date) and paid (by payment date) amounts incl. tax, per Algiers month, 12 months. */
export async function monthlyBilling(now: Date) {
  const { months, start } = lastAlgiersMonths(12, now);
  const invoiced = await select<{ month: string; cents: number; count: number }>(
    `SELECT ${algiersMonthSql('created_at')} AS month, SUM(total_incl_tax_cents) AS cents, COUNT(*) AS count FROM invoices WHERE created_at >= :start AND created_at <= :now GROUP BY month`,
    { start, now },
  );
  const paid = await select<{ month: string; cents: number; count: number }>(
    `SELECT ${algiersMonthSql('paid_at')} AS month, SUM(total_incl_tax_cents) AS cents, COUNT(*) AS count FROM invoices WHERE paid_at >= :start AND paid_at <= :now GROUP BY month`,
    { start, now },
  );
  const byMonth = (rows: { month: string; cents: number; count: number }[]) => new Map(rows.map((r) => [r.month, r]));
  const inv = byMonth(invoiced);
  const pay = byMonth(paid);
  return months.map((month) => ({
    month,
    invoicedCents: num(inv.get(month)?.cents),
    invoicedCount: num(inv.get(month)?.count),
    paidCents: num(pay.get(month)?.cents),
    paidCount: num(pay.get(month)?.count),
  }));
}

/**
 * The quote funnel over the quote requests made in the last 12 months: how many got a pro-forma,
 * had one accepted, and were invoiced. Counted per request (a cohort), so each step is a subset
 * of the one before and the rates stay between 0 and 100 %.
 */
export async function quoteFunnel(now: Date) {
  const { start } = lastAlgiersMonths(12, now);
  const [row] = await select<{ requests: number; proformas: number; accepted: number; invoiced: number }>(
    `SELECT COUNT(*) AS requests,
       COALESCE(SUM(EXISTS (SELECT 1 FROM proformas p WHERE p.quote_request_id = q.id)), 0) AS proformas,
       COALESCE(SUM(EXISTS (SELECT 1 FROM proformas p WHERE p.quote_request_id = q.id AND p.status = 'accepted')), 0) AS accepted,
       COALESCE(SUM(EXISTS (SELECT 1 FROM proformas p JOIN invoices i ON i.proforma_id = p.id WHERE p.quote_request_id = q.id)), 0) AS invoiced
     FROM quote_requests q WHERE q.created_at >= :start AND q.created_at <= :now`,
    { start, now },
  );
  const requests = num(row?.requests);
  const proformas = num(row?.proformas);
  const accepted = num(row?.accepted);
  const invoiced = num(row?.invoiced);
  return {
    since: start,
    steps: [
      { step: 'requests' as const, count: requests, rateFromPrevious: null },
      { step: 'proformas' as const, count: proformas, rateFromPrevious: rate(proformas, requests) },
      { step: 'accepted' as const, count: accepted, rateFromPrevious: rate(accepted, proformas) },
      { step: 'invoiced' as const, count: invoiced, rateFromPrevious: rate(invoiced, accepted) },
    ],
    overallRate: rate(invoiced, requests),
  };
}

/** Subscriptions running now that end within 30 days and have no successor (a renewal starts at the old end). */
export async function subscriptionsEndingSoon(now: Date) {
  const until = new Date(now.getTime() + 30 * 24 * 3600_000);
  const rows = await select<{
    id: number;
    companyId: number;
    companyName: string;
    serviceNameFr: string;
    serviceNameEn: string;
    endAt: Date;
    monthlyPriceDa: number;
  }>(
    `SELECT s.id, s.company_id AS companyId, c.name AS companyName, sv.name_fr AS serviceNameFr, sv.name_en AS serviceNameEn, s.end_at AS endAt, s.monthly_price_da AS monthlyPriceDa
     FROM subscriptions s JOIN companies c ON c.id = s.company_id JOIN services sv ON sv.id = s.service_id
     WHERE s.start_at <= :now AND s.end_at > :now AND s.end_at <= :until
       AND NOT EXISTS (SELECT 1 FROM subscriptions n WHERE n.company_id = s.company_id AND n.id <> s.id AND n.start_at >= s.end_at)
     ORDER BY s.end_at ASC LIMIT 200`,
    { now, until },
  );
  return rows.map((r) => ({ ...r, endAt: new Date(r.endAt), monthlyPriceDa: num(r.monthlyPriceDa) }));
}

export async function dashboardOverview(now: Date = new Date()) {
  const [subscriptions, months, funnel, endingSoon] = await Promise.all([
    subscriptionFigures(now),
    monthlyBilling(now),
    quoteFunnel(now),
    subscriptionsEndingSoon(now),
  ]);
  return { generatedAt: now, ...subscriptions, months, funnel, endingSoon };
}
