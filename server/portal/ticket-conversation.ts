import { Op, QueryTypes } from 'sequelize';
import { GlpiAsset, GlpiOutboxEntry, GlpiTicket, GlpiTicketFollowup, User } from '../db/models';
import { sequelize } from '../db/sequelize';
import { AppError, notFound } from '../errors';
import { syncFreshness } from '../glpi-cache/sync-freshness';
import { outboxRepliesOf, outboxTicket, type OutboxReplyView } from '../glpi-outbox/list-outbox';
import { ticketPayloadSchema } from '../glpi-outbox/outbox-payload';
import { escapeText } from './escape-text';
import { sanitizeGlpiHtml } from './sanitize-glpi-html';
import { awaitingAccountSetup } from './account-setup';
import { isOpenStatus, ticketDeadlines } from './ticket-codes';
import { ticketSolutions, waitingApproval } from './ticket-solutions';
import { ticketFiles } from './ticket-documents';
import { ticketSatisfaction } from './ticket-satisfaction';
import { linkedAssets, type LinkedAsset } from './ticket-assets';
import { assetSlugOf } from './asset-types';

/**
 * The asset a ticket still in the outbox is about, as the client chose it (GLPI numbers the ticket
 * and links it; from then on its links are the synced ones, ticket-assets.ts).
 */
async function chosenAssets(companyId: number, payload: unknown): Promise<LinkedAsset[]> {
  const parsed = ticketPayloadSchema.safeParse(payload);
  const asset = parsed.success ? parsed.data.asset : undefined;
  if (!asset) return [];
  const row = await GlpiAsset.findOne({
    where: { companyId, itemtype: asset.itemtype, glpiId: asset.glpiId, deletedAt: null },
    attributes: ['name'],
  });
  if (!row) return [];
  return [{ itemtype: asset.itemtype, slug: assetSlugOf(asset.itemtype), glpiId: asset.glpiId, name: row.name }];
}

/** GLPI accounts of the company's own people: their follow-ups are the client's, the others are support's. */
async function companyGlpiUserIds(companyId: number): Promise<Set<number>> {
  const rows = await sequelize.query<{ id: number }>(
    'SELECT l.glpi_user_id AS id FROM glpi_user_links l JOIN users u ON u.id = l.user_id WHERE u.company_id = :companyId',
    { replacements: { companyId }, type: QueryTypes.SELECT },
  );
  return new Set(rows.map((row) => Number(row.id)));
}

/** The ticket's replies in the outbox, whatever their state: the waiting ones are shown, the delivered ones name their author. */
function outboxReplies(companyId: number, target: { glpiTicketId: number } | { outboxTicketId: number }) {
  return outboxRepliesOf(companyId, target, { states: ['pending', 'sending', 'failed', 'delivered'] });
}

/** Replies still in the outbox, or sent and not synced back yet, shown after the synced ones. */
function waitingReplies(replies: OutboxReplyView[], syncedIds: Set<number>) {
  return replies
    .filter((reply) => reply.glpiFollowupId === null || !syncedIds.has(reply.glpiFollowupId))
    .map((reply) => ({ outboxId: reply.outboxId, html: escapeText(reply.content), state: reply.state, createdAt: reply.createdAt }));
}

/** Full names of the company's people who wrote these replies. */
async function authorNames(companyId: number, userIds: number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const authors = await User.findAll({ where: { id: { [Op.in]: userIds }, companyId }, attributes: ['id', 'firstName', 'lastName'] });
  return new Map(authors.map((author) => [author.id, `${author.firstName} ${author.lastName}`]));
}

/**
 * A ticket of the company and its public follow-ups in order, GLPI's HTML sanitized; technicians'
 * answers are marked. A ticket GLPI numbered but the sync has not brought back yet is read from
 * the outbox. Another company's ticket is "not found".
 */
export async function ticketConversation(companyId: number, glpiTicketId: number, now = new Date()) {
  const ticket = await GlpiTicket.findOne({ where: { companyId, glpiId: glpiTicketId, deletedAt: null } });
  if (!ticket) {
    const sent = await GlpiOutboxEntry.findOne({ where: { companyId, kind: 'ticket', glpiId: glpiTicketId } });
    if (!sent) throw notFound();
    return outboxConversation(companyId, sent.id);
  }
  const [followups, ownUsers, freshness, solutions, approval, assets, replies] = await Promise.all([
    GlpiTicketFollowup.findAll({
      where: { companyId, glpiTicketId, isPrivate: false, deletedAt: null },
      order: [
        ['postedAt', 'ASC'],
        ['glpiId', 'ASC'],
      ],
    }),
    companyGlpiUserIds(companyId),
    syncFreshness(companyId),
    ticketSolutions(glpiTicketId, ticket),
    waitingApproval(companyId, glpiTicketId),
    linkedAssets(companyId, glpiTicketId),
    outboxReplies(companyId, { glpiTicketId }),
  ]);
  const waiting = waitingReplies(replies, new Set(followups.map((f) => f.glpiId)));
  const files = await ticketFiles(companyId, { glpiTicketId }, ownUsers);
  // The worker posts replies with its own GLPI account: the outbox says which follow-ups are the client's.
  const authorOf = new Map(replies.filter((reply) => reply.state === 'delivered').map((reply) => [reply.glpiFollowupId, reply.userId]));
  const authors = await authorNames(companyId, [...new Set(authorOf.values())]);
  return {
    source: 'glpi' as const,
    glpiId: ticket.glpiId,
    outboxId: null,
    name: ticket.name,
    html: sanitizeGlpiHtml(ticket.content),
    status: ticket.status,
    open: isOpenStatus(ticket.status),
    urgency: ticket.urgency,
    priority: ticket.priority,
    type: ticket.type,
    category: ticket.category,
    openedAt: ticket.openedAt,
    solvedAt: ticket.solvedAt,
    closedAt: ticket.closedAt,
    deadlines: ticketDeadlines(ticket, now),
    followups: followups.map((followup) => ({
      glpiId: followup.glpiId,
      author: authors.get(authorOf.get(followup.glpiId) ?? 0) ?? followup.authorName,
      fromSupport: !authorOf.has(followup.glpiId) && (followup.glpiUserId === null || !ownUsers.has(followup.glpiUserId)),
      postedAt: followup.postedAt,
      html: sanitizeGlpiHtml(followup.content),
    })),
    waitingReplies: waiting,
    files,
    satisfaction: await ticketSatisfaction(companyId, glpiTicketId, ticket.status),
    solutions,
    approval,
    /** GLPI lets the requester approve or refuse while the ticket is solved (before it closes by itself). */
    canDecide: ticket.status === 5 && (approval === null || approval.state === 'failed'),
    /** Every asset of the company's park GLPI links to the ticket, whoever linked it. */
    assets,
    state: 'synced' as const,
    // The answers come from the server-wide follow-up read: the conversation is as fresh as the older of the two.
    syncedAt: olderOf(freshness.byItemtype.Ticket ?? null, freshness.byItemtype.ITILFollowup ?? null),
  };
}

/** A ticket the client wrote that GLPI has not numbered (or the sync not brought back) yet. */
export async function outboxConversation(companyId: number, outboxId: number) {
  const entry = await outboxTicket(companyId, outboxId);
  if (!entry) throw notFound();
  const payload = ticketPayloadSchema.parse(entry);
  const waiting = waitingReplies(await outboxReplies(companyId, { outboxTicketId: outboxId }), new Set());
  const freshness = await syncFreshness(companyId);
  const awaitingAccount = entry.state === 'pending' || entry.state === 'sending' ? await awaitingAccountSetup(companyId) : false;
  return {
    source: 'outbox' as const,
    awaitingAccount,
    glpiId: entry.glpiTicketId,
    outboxId: entry.outboxId,
    name: payload.title,
    html: escapeText(payload.content),
    status: null,
    open: entry.state !== 'failed',
    urgency: payload.urgency,
    priority: null,
    type: payload.type === 'incident' ? 1 : 2,
    category: null,
    openedAt: entry.createdAt,
    solvedAt: null,
    closedAt: null,
    deadlines: null,
    followups: [],
    waitingReplies: waiting,
    files: await ticketFiles(companyId, { outboxTicketId: outboxId }, new Set()),
    satisfaction: null,
    solutions: [],
    approval: null,
    canDecide: false,
    assets: await chosenAssets(companyId, payload),
    state: entry.state,
    syncedAt: freshness.byItemtype.Ticket ?? null,
  };
}

/** Whether a reply may target this GLPI ticket: it must be the company's and not closed (GLPI refuses those). */
export async function assertRepliable(companyId: number, glpiTicketId: number): Promise<void> {
  const ticket = await GlpiTicket.findOne({ where: { companyId, glpiId: glpiTicketId, deletedAt: null }, attributes: ['status'] });
  if (ticket?.status === 6) throw new AppError('CONFLICT', 'errors.ticketClosed');
  if (ticket) return;
  const sent = await GlpiOutboxEntry.findOne({
    where: { companyId, kind: 'ticket', glpiId: glpiTicketId, state: { [Op.eq]: 'delivered' } },
    attributes: ['id'],
  });
  if (!sent) throw notFound();
}

function olderOf(a: Date | null, b: Date | null): Date | null {
  return a === null || b === null ? null : a < b ? a : b;
}
