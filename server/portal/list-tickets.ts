import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { GlpiTicket } from '../db/models';
import { algiersMonth, algiersMonthStart } from '../calendar/algiers-calendar';
import { syncFreshness } from '../glpi-cache/sync-freshness';
import { outboxTicketsOf } from '../glpi-outbox/list-outbox';
import { awaitingAccountSetup } from './account-setup';
import { openStatuses, ticketDeadlines } from './ticket-codes';
import { visibleTicketIds, type TicketScope } from './ticket-scope';

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value ? value : undefined));

export const ticketFilterSchema = z.object({
  /** `open` (new → pending), `done` (solved or closed) or one GLPI status code. */
  status: z.enum(['open', 'done', '1', '2', '3', '4', '5', '6']).optional(),
  urgency: z.enum(['1', '2', '3', '4', '5']).optional(),
  /** Opened within: the last 7/30/90 days, this calendar month, the last 12 months. */
  period: z.enum(['7d', '30d', '90d', 'month', '12m']).optional(),
  q: optionalText,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25),
});
export type TicketFilterInput = z.input<typeof ticketFilterSchema>;

const day = 86_400_000;

function periodStart(period: NonNullable<z.infer<typeof ticketFilterSchema>['period']>, now: Date): Date {
  if (period === 'month') return algiersMonthStart(algiersMonth(now));
  if (period === '12m') return algiersMonthStart(algiersMonth(now), -11);
  return new Date(now.getTime() - Number(period.slice(0, -1)) * day);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The company's tickets from the cache, newest first, with GLPI's deadlines; on the first page,
 * the tickets still in the outbox ("waiting to be sent to support") or sent but not synced yet.
 */
export async function listTickets(scope: TicketScope, input: TicketFilterInput, now = new Date()) {
  const { companyId } = scope;
  const filter = ticketFilterSchema.parse(input);
  const and: WhereOptions<GlpiTicket>[] = [{ companyId, deletedAt: null }];
  const visible = await visibleTicketIds(scope);
  if (visible !== null) and.push({ glpiId: { [Op.in]: visible } });
  if (filter.status === 'open') and.push({ status: { [Op.in]: [...openStatuses] } });
  else if (filter.status === 'done') and.push({ status: { [Op.in]: [5, 6] } });
  else if (filter.status) and.push({ status: Number(filter.status) });
  if (filter.urgency) and.push({ urgency: Number(filter.urgency) });
  if (filter.period) and.push({ openedAt: { [Op.gte]: periodStart(filter.period, now) } });
  if (filter.q) {
    const number = /^#?\d+$/.test(filter.q) ? Number(filter.q.replace('#', '')) : null;
    and.push({ [Op.or]: [{ name: { [Op.like]: `%${escapeLike(filter.q)}%` } }, ...(number ? [{ glpiId: number }] : [])] });
  }
  // The outbox is read before the cache, not beside it: a ticket read back between the two reads
  // would otherwise be in neither (not waiting any more, not yet listed) and blink out of the page.
  const outbox = filter.page === 1 ? await waitingTickets(scope) : [];
  const [{ rows, count }, freshness, accountSetup] = await Promise.all([
    GlpiTicket.findAndCountAll({
      where: { [Op.and]: and },
      attributes: [
        'glpiId',
        'name',
        'status',
        'urgency',
        'priority',
        'type',
        'category',
        'openedAt',
        'takenAt',
        'solvedAt',
        'closedAt',
        'timeToOwn',
        'timeToResolve',
        'glpiUpdatedAt',
      ],
      order: [
        ['openedAt', 'DESC'],
        ['glpiId', 'DESC'],
      ],
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    }),
    syncFreshness(companyId),
    awaitingAccountSetup(companyId),
  ]);
  return {
    filter,
    total: count,
    pageCount: Math.max(1, Math.ceil(count / filter.pageSize)),
    tickets: rows.map((ticket) => ({
      glpiId: ticket.glpiId,
      name: ticket.name,
      status: ticket.status,
      urgency: ticket.urgency,
      priority: ticket.priority,
      type: ticket.type,
      category: ticket.category,
      openedAt: ticket.openedAt,
      solvedAt: ticket.solvedAt,
      closedAt: ticket.closedAt,
      deadlines: ticketDeadlines(ticket, now),
    })),
    waiting: outbox.filter((entry) => !filter.q || entry.title.toLowerCase().includes(filter.q.toLowerCase())),
    /** The waiting tickets wait for the company's support account (provisioning pending, failed, or its entity lost). */
    awaitingAccount: accountSetup,
    syncedAt: freshness.byItemtype.Ticket ?? null,
  };
}

/** Outbox tickets not in the cache yet: waiting for GLPI, refused by it, or numbered and not synced yet. */
export async function waitingTickets(scope: TicketScope) {
  const { companyId } = scope;
  const [unsent, sent] = await Promise.all([outboxTicketsOf(companyId), outboxTicketsOf(companyId, { states: ['delivered'], limit: 20 })]);
  // A member waits only for the tickets they wrote.
  const entries = [...unsent, ...sent].filter((entry) => scope.memberUserId === null || entry.userId === scope.memberUserId);
  const numbered = entries.map((entry) => entry.glpiTicketId).filter((id): id is number => id !== null);
  const cached =
    numbered.length === 0
      ? new Set<number>()
      : new Set(
          (await GlpiTicket.findAll({ where: { companyId, glpiId: { [Op.in]: numbered } }, attributes: ['glpiId'] })).map(
            (row) => row.glpiId,
          ),
        );
  return entries
    .filter((entry) => entry.glpiTicketId === null || !cached.has(entry.glpiTicketId))
    .map((entry) => ({
      outboxId: entry.outboxId,
      title: entry.title,
      urgency: entry.urgency,
      type: entry.type,
      state: entry.state,
      glpiTicketId: entry.glpiTicketId,
      createdAt: entry.createdAt,
    }));
}
