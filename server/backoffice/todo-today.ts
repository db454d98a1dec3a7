import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { sequelize } from '../db/sequelize';
import { sqlUtc } from '../calendar/algiers-calendar';
import { clientsOverPlan } from '../portal/over-plan';
import { addDays, algiersDate, algiersMidnight, daysBetween } from '../calendar/algiers-calendar';
import { quoteReference } from '../sales/quotes/quote-reference';

export const todoTodayInput = z
  .object({
    /** Items shown per block (the most urgent first); the block's count covers them all. */
    limit: z.number().int().min(1).max(100).default(10),
  })
  .default({ limit: 10 });

type Row = Record<string, unknown> & { total: number | string };
type Block<T> = { total: number; items: T[] };

/**
 * One query per block: `COUNT(*) OVER ()` gives the block's full count beside its first rows,
 * so a block costs one round trip whatever the size of the backlog.
 */
async function block<T>(sql: string, replacements: Record<string, unknown>, map: (row: Row) => T): Promise<Block<T>> {
  const rows = await sequelize.query<Row>(`${sql} LIMIT :limit`, { replacements, type: QueryTypes.SELECT });
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(map) };
}

const num = (value: unknown) => Number(value);
const text = (value: unknown) => String(value ?? '');
const instant = (value: unknown) => new Date(value as string | Date);

/**
 * The commercial's "what needs doing today": requests nobody has called, offers about to lapse,
 * purchase orders waiting for review, invoices past due, subscriptions ending within 30 days and
 * subscribed clients who used up their monthly tickets. Days are Algiers days.
 */
export async function todoToday(input: z.output<typeof todoTodayInput>, now = new Date()) {
  const today = algiersDate(now);
  const { limit } = input;
  const [toCall, expiringProformas, purchaseOrders, overdueInvoices, endingSubscriptions, overAllowance] = await Promise.all([
    block(
      `SELECT q.id, q.created_at AS createdAt, c.id AS companyId, c.name AS companyName, c.phone AS companyPhone,
              s.name_fr AS serviceNameFr, s.name_en AS serviceNameEn, COUNT(*) OVER () AS total
       FROM quote_requests q JOIN companies c ON c.id = q.company_id JOIN services s ON s.id = q.service_id
       WHERE q.status = 'new' ORDER BY q.created_at ASC, q.id ASC`,
      { limit },
      (r) => ({
        id: num(r.id),
        reference: quoteReference(num(r.id)),
        createdAt: instant(r.createdAt),
        companyId: num(r.companyId),
        companyName: text(r.companyName),
        companyPhone: r.companyPhone === null ? null : text(r.companyPhone),
        serviceNameFr: text(r.serviceNameFr),
        serviceNameEn: text(r.serviceNameEn),
      }),
    ),
    // Past its last day an offer is expired (the maintenance job marks it), not "about to expire".
    block(
      `SELECT p.id, p.number, DATE_FORMAT(p.valid_until, '%Y-%m-%d') AS validUntil, p.total_incl_tax_cents AS totalInclTaxCents,
              c.id AS companyId, c.name AS companyName, COUNT(*) OVER () AS total
       FROM proformas p JOIN companies c ON c.id = p.company_id
       WHERE p.status = 'pending' AND p.valid_until BETWEEN :today AND :lastDay ORDER BY p.valid_until ASC, p.id ASC`,
      { today, lastDay: addDays(today, 7), limit },
      (r) => ({
        id: num(r.id),
        number: text(r.number),
        validUntil: text(r.validUntil),
        daysLeft: daysBetween(today, text(r.validUntil)),
        totalInclTaxCents: num(r.totalInclTaxCents),
        companyId: num(r.companyId),
        companyName: text(r.companyName),
      }),
    ),
    block(
      `SELECT o.id, o.proforma_id AS proformaId, p.number AS proformaNumber, o.original_name AS originalName, o.created_at AS createdAt,
              c.id AS companyId, c.name AS companyName, COUNT(*) OVER () AS total
       FROM purchase_orders o JOIN proformas p ON p.id = o.proforma_id JOIN companies c ON c.id = o.company_id
       WHERE o.status = 'pending' ORDER BY o.created_at ASC, o.id ASC`,
      { limit },
      (r) => ({
        id: num(r.id),
        proformaId: num(r.proformaId),
        proformaNumber: text(r.proformaNumber),
        originalName: text(r.originalName),
        createdAt: instant(r.createdAt),
        companyId: num(r.companyId),
        companyName: text(r.companyName),
      }),
    ),
    // A credited invoice is cancelled: nothing is owed on it any more.
    block(
      `SELECT i.id, i.number, DATE_FORMAT(i.due_date, '%Y-%m-%d') AS dueDate, i.total_incl_tax_cents AS totalInclTaxCents,
              c.id AS companyId, c.name AS companyName, COUNT(*) OVER () AS total
       FROM invoices i JOIN companies c ON c.id = i.company_id
       WHERE i.paid_at IS NULL AND i.due_date < :today AND NOT EXISTS (SELECT 1 FROM credit_notes n WHERE n.invoice_id = i.id)
       ORDER BY i.due_date ASC, i.id ASC`,
      { today, limit },
      (r) => ({
        id: num(r.id),
        number: text(r.number),
        dueDate: text(r.dueDate),
        daysLate: daysBetween(text(r.dueDate), today),
        totalInclTaxCents: num(r.totalInclTaxCents),
        companyId: num(r.companyId),
        companyName: text(r.companyName),
      }),
    ),
    // A period already followed by a renewal of the same service is not ending: the client stays covered.
    block(
      `SELECT s.id, s.company_id AS companyId, c.name AS companyName, sv.name_fr AS serviceNameFr, sv.name_en AS serviceNameEn,
              s.tier_max_qty AS tierMaxQty, s.end_at AS endAt, COUNT(*) OVER () AS total
       FROM subscriptions s JOIN companies c ON c.id = s.company_id JOIN services sv ON sv.id = s.service_id
       WHERE s.end_at > :now AND s.end_at < :horizon
         AND NOT EXISTS (SELECT 1 FROM subscriptions r WHERE r.company_id = s.company_id AND r.service_id = s.service_id AND r.end_at > s.end_at)
       ORDER BY s.end_at ASC, s.id ASC`,
      { now: sqlUtc(now), horizon: sqlUtc(algiersMidnight(addDays(today, 31))), limit },
      (r) => ({
        id: num(r.id),
        companyId: num(r.companyId),
        companyName: text(r.companyName),
        serviceNameFr: text(r.serviceNameFr),
        serviceNameEn: text(r.serviceNameEn),
        tierMaxQty: num(r.tierMaxQty),
        endAt: instant(r.endAt),
        daysLeft: daysBetween(today, algiersDate(instant(r.endAt))),
      }),
    ),
    ticketsOverAllowance(now, limit),
  ]);
  return { today, toCall, expiringProformas, purchaseOrders, overdueInvoices, endingSubscriptions, overAllowance };
}

/** The portal's own quota figures (quota-usage.ts), so staff and client see the same numbers. */
async function ticketsOverAllowance(now: Date, limit: number) {
  const over = await clientsOverPlan({ minPercent: 100, now });
  const items = over.flatMap((client) => {
    const tickets = client.lines.find((line) => line.kind === 'tickets' && line.percent >= 100);
    return tickets
      ? [
          {
            companyId: client.companyId,
            companyName: client.companyName,
            used: tickets.used,
            allowed: tickets.allowed,
            percent: tickets.percent,
          },
        ]
      : [];
  });
  items.sort((a, b) => b.percent - a.percent || a.companyName.localeCompare(b.companyName));
  return { total: items.length, items: items.slice(0, limit) };
}
