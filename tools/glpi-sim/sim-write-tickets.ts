import { noPermission } from './sim-http';
import { isTemplatedType } from './sim-store';
import { ticketPriority } from './sim-seed';
import type { Row, Scalar, Store } from './sim-store';
import { assignedActor, isTicketActor, observerActor, requesterActor, rowReadable, ticketReadable } from './sim-visibility';
import {
  addedDate,
  entityAllowed,
  ids,
  isCentral,
  secondsBetween,
  targetEntity,
  type AddResult,
  type Input,
  type WriteContext,
} from './sim-write-common';

const solved = 5;
const closed = 6;
/** CommonITILValidation statuses an ITILSolution carries. */
const waitingApproval = 2;
const accepted = 3;
const refused = 4;

export function addTicket(ctx: WriteContext, input: Input, fields: Record<string, Scalar>): AddResult {
  const { stamp } = ctx;
  const entityId = targetEntity(ctx, input);
  if (!entityAllowed(ctx, entityId)) return { ok: false, message: noPermission };
  const requesters = ids(input._users_id_requester);
  const assignees = ids(input._users_id_assign);
  const observers = ids(input._users_id_observer);
  const urgency = Number(fields.urgency ?? 3);
  const impact = Number(fields.impact ?? 3);
  let status = Number(fields.status ?? 1);
  if (status === 1 && assignees.length > 0) status = 2;
  const opened = typeof fields.date === 'string' ? fields.date : stamp;
  // Given solvedate/closedate are ignored: a ticket created solved or closed gets its opening date for both
  // (post_Ticket_status_closed_with_dates, get_Ticket_id_closed_at_creation_dates_result).
  // No requester is added for the creator, even a Self-Service one: it is only users_id_recipient.
  const row = ctx.store.insert('Ticket', {
    ...fields,
    entities_id: entityId,
    name: fields.name ?? '',
    content: fields.content ?? '',
    status,
    urgency,
    impact,
    priority: typeof fields.priority === 'number' ? fields.priority : ticketPriority(urgency, impact),
    date: opened,
    date_creation: addedDate(ctx, fields, 'date_creation'),
    date_mod: addedDate(ctx, fields, 'date_mod'),
    solvedate: status >= solved ? opened : null,
    closedate: status === closed ? opened : null,
    takeintoaccountdate: null,
    takeintoaccount_delay_stat: 0,
    users_id_recipient: ctx.actorUserId,
    users_id_lastupdater: ctx.actorUserId,
    requesttypes_id: fields.requesttypes_id ?? 1,
  });
  for (const userId of requesters) linkActor(ctx, row, userId, requesterActor);
  for (const userId of observers) linkActor(ctx, row, userId, observerActor);
  for (const userId of assignees) linkActor(ctx, row, userId, assignedActor);
  linkItems(ctx, row, input.items_id);
  // An empty title shows as "Ticket - ID n" (post_Ticket_empty_input_accepted).
  const label = row.name === '' ? `Ticket - ID ${row.id}` : String(row.name);
  return { ok: true, id: row.id, message: `Item successfully added: ${label} (${row.id})` };
}

/**
 * `items_id: {"Computer": [12]}` on a ticket's creation links each item (Ticket::post_addItem adds
 * an Item_Ticket per item); an item the session may not read is left out silently. Self-Service
 * reads no asset through the API, yet GLPI links those of the ticket's entity it names
 * (CommonITILObject::handleItemsIdInput checks no right; tests/real-glpi/ticket-solutions-real-glpi.test.ts).
 */
function linkItems(ctx: WriteContext, ticket: Row, items: unknown): void {
  if (typeof items !== 'object' || items === null) return;
  for (const [itemtype, list] of Object.entries(items)) {
    if (!isTemplatedType(itemtype) || !Array.isArray(list)) continue;
    for (const itemId of list) {
      const item = ctx.store.table(itemtype).rows.get(Number(itemId));
      if (!item) continue;
      const sameEntity = ctx.store.entityOf(itemtype, item) === Number(ticket.entities_id ?? 0);
      if (
        ctx.session !== null &&
        !rowReadable(ctx.store, ctx.session, itemtype, item) &&
        !(ctx.session.interface !== 'central' && sameEntity)
      )
        continue;
      ctx.store.insert('Item_Ticket', { itemtype, items_id: item.id, tickets_id: ticket.id });
    }
  }
}

/**
 * A technician's solution (ITILSolution::post_addItem): the ticket becomes solved, stamped now, and
 * the solution waits for the requester's approval (status 2). Only central profiles solve.
 */
export function addSolution(ctx: WriteContext, input: Input, fields: Record<string, Scalar>): AddResult {
  const ticket = ctx.store.table('Ticket').rows.get(Number(input.items_id));
  if ((input.itemtype ?? 'Ticket') !== 'Ticket' || !ticket || !isCentral(ctx)) return { ok: false, message: noPermission };
  if (ctx.session !== null && !ticketReadable(ctx.store, ctx.session, ticket)) return { ok: false, message: noPermission };
  const { stamp } = ctx;
  const row = ctx.store.insert('ITILSolution', {
    ...fields,
    itemtype: 'Ticket',
    items_id: ticket.id,
    users_id: ctx.actorUserId,
    content: fields.content ?? '',
    status: waitingApproval,
    date_creation: stamp,
    date_mod: stamp,
  });
  ticket.status = solved;
  ticket.solvedate = stamp;
  ticket.date_mod = stamp;
  ticket.users_id_lastupdater = ctx.actorUserId;
  return { ok: true, id: row.id, message: `Item successfully added: ${row.id}` };
}

function addActor(store: Store, ticketId: number, userId: number, type: number): void {
  store.insert('Ticket_User', { tickets_id: ticketId, users_id: userId, type, use_notification: 1, alternative_email: '' });
}

/**
 * Every actor added, at creation too, runs Ticket::updateDateMod (CommonITILActor::post_addItem): a
 * requester or observer bumps date_mod (so a date_mod given at creation does not survive them); an
 * assignee takes the ticket into account, unless it is closed (then nothing at all is written).
 */
function linkActor(ctx: WriteContext, ticket: Row, userId: number, type: number): void {
  addActor(ctx.store, ticket.id, userId, type);
  touchTicket(ctx, ticket, ctx.actorUserId, type === assignedActor);
}

/**
 * ITILFollowup::canCreateItem + CommonITILObject::canAddFollowups. Self-Service (followup right
 * ADDMYTICKET, no ADD_AS_OBSERVER) answers its tickets as requester or as the user who opened them,
 * never on a closed ticket (its profile may not reopen one); central profiles answer any ticket they see.
 */
function mayAnswer(ctx: WriteContext, ticket: Row): boolean {
  if (ctx.session === null) return true;
  if (!ticketReadable(ctx.store, ctx.session, ticket)) return false;
  if (isCentral(ctx)) return true;
  const mine = ticket.users_id_recipient === ctx.actorUserId || isTicketActor(ctx.store, ticket.id, ctx.actorUserId, [requesterActor]);
  return mine && ticket.status !== closed;
}

export function addFollowup(ctx: WriteContext, input: Input, fields: Record<string, Scalar>): AddResult {
  const ticket = ctx.store.table('Ticket').rows.get(Number(input.items_id));
  // A follow-up on a missing ticket is a permission error, not a 404 (error_post_ITILFollowup_ticket_not_found).
  if ((input.itemtype ?? 'Ticket') !== 'Ticket' || !ticket || !mayAnswer(ctx, ticket)) return { ok: false, message: noPermission };
  // GLPI keeps a given users_id (ITILFollowup::prepareInputForAdd); the session's user otherwise.
  const author = typeof fields.users_id === 'number' && fields.users_id > 0 ? fields.users_id : ctx.actorUserId;
  // GLPI's approval form (ITILFollowup::prepareInputForAdd): refusing needs a reason; approving
  // without one writes "Solution approved".
  const approve = input.add_close !== undefined;
  const refuse = input.add_reopen !== undefined;
  if (refuse && String(fields.content ?? '') === '') return { ok: false, message: 'If you reject the solution, you must specify a reason' };
  if (approve && String(fields.content ?? '') === '') fields.content = 'Solution approved';
  if (!approve && !refuse && String(fields.content ?? '') === '')
    return { ok: false, message: "You can't add a followup without description" };
  const { stamp, store } = ctx;
  // CommonITILObject::getTimelinePosition: an assignee who is not a requester writes on the right (4), anyone else on the left (1).
  const right = isTicketActor(store, ticket.id, author, [assignedActor]) && !isTicketActor(store, ticket.id, author, [requesterActor]);
  const row = store.insert('ITILFollowup', {
    ...fields,
    itemtype: 'Ticket',
    items_id: ticket.id,
    users_id: author,
    content: fields.content ?? '',
    is_private: Number(fields.is_private ?? 0),
    date: stamp,
    date_mod: stamp,
    date_creation: stamp,
    timeline_position: right ? 4 : 1,
  });
  touchTicket(ctx, ticket, author, true);
  if (approve && ticket.status === solved) closeApproved(ctx, ticket, author);
  // ParentStatus::updateParentStatus: add_close sets _no_reopen; add_reopen reopens whoever writes.
  else if (refuse) reopen(ctx, ticket, author);
  else if (!approve) reopenForRequester(ctx, ticket, author);
  return { ok: true, id: row.id, message: '' };
}

/**
 * Ticket::updateDateMod, run after every follow-up. A ticket not yet taken into account
 * (takeintoaccount_delay_stat 0) that the author may take into account (assigned, or not its
 * requester) goes through a normal Ticket::update of takeintoaccountdate instead of the plain date_mod
 * write (Ticket.php:2431). That update keeps only the fields its caller may change
 * (CommonITILObject::handleTemplateFields): for a closed ticket, or a Self-Service author, nothing is
 * left, nothing is written, and **the ticket keeps its date_mod** — checked on GLPI 10.0.12: a
 * Super-Admin's follow-up on a ticket created closed, a Self-Service follow-up on a ticket it only
 * opened. Every other follow-up sets date_mod (and users_id_lastupdater) to the request's second.
 */
function touchTicket(ctx: WriteContext, ticket: Row, author: number, computeStat: boolean): void {
  const { store, stamp } = ctx;
  const untaken = Number(store.table('Ticket').value(ticket, 'takeintoaccount_delay_stat') ?? 0) === 0;
  const assigned = isTicketActor(store, ticket.id, author, [assignedActor]);
  const mayTakeIntoAccount = assigned || !isTicketActor(store, ticket.id, author, [requesterActor]);
  if (computeStat && untaken && mayTakeIntoAccount) {
    if (ticket.status === closed || !isCentral(ctx)) return;
    takeIntoAccount(ticket, stamp);
  }
  ticket.date_mod = stamp;
  ticket.users_id_lastupdater = author;
}

function takeIntoAccount(ticket: Row, stamp: string): void {
  ticket.takeintoaccountdate = stamp;
  ticket.takeintoaccount_delay_stat = Math.max(1, secondsBetween(String(ticket.date ?? stamp), stamp));
}

/**
 * CommonITILObject::needReopen: an answer from a requester who is not also assigned reopens a
 * pending, solved or closed ticket — to "assigned" when someone is, else "new". A technician's or
 * the API account's answer never reopens.
 */
function reopenForRequester(ctx: WriteContext, ticket: Row, author: number): void {
  const { store } = ctx;
  if (!isTicketActor(store, ticket.id, author, [requesterActor]) || isTicketActor(store, ticket.id, author, [assignedActor])) return;
  reopen(ctx, ticket, author);
}

/**
 * The ticket goes back to processing ("assigned" when someone is, else "new"); leaving solved or
 * closed marks its latest solution refused by the author (CommonITILObject::post_updateItem).
 */
function reopen(ctx: WriteContext, ticket: Row, author: number): void {
  if (![4, solved, closed].includes(Number(ticket.status))) return;
  const { store } = ctx;
  if (Number(ticket.status) !== 4) markLatestSolution(ctx, ticket, refused, author);
  const links = store.table('Ticket_User');
  const anyAssignee = links.idsOfParent(ticket.id).some((id) => links.rows.get(id)?.type === assignedActor);
  ticket.status = anyAssignee ? 2 : 1;
  ticket.solvedate = null;
  ticket.closedate = null;
  ticket.date_mod = ctx.stamp;
}

/** Approval (ParentStatus + CommonITILObject::post_updateItem `_accepted`): closed now, the latest solution accepted. */
function closeApproved(ctx: WriteContext, ticket: Row, author: number): void {
  ticket.status = closed;
  ticket.closedate = ctx.stamp;
  ticket.date_mod = ctx.stamp;
  ticket.users_id_lastupdater = author;
  markLatestSolution(ctx, ticket, accepted, author);
}

/** GLPI writes the approval with a plain UPDATE: the solution's date_mod does not move. */
function markLatestSolution(ctx: WriteContext, ticket: Row, status: number, author: number): void {
  const solutions = ctx.store.table('ITILSolution');
  const latest = solutions
    .idsOfParent(ticket.id)
    .map((id) => solutions.rows.get(id))
    .filter((row): row is Row => row !== undefined)
    .sort((a, b) => String(a.date_creation).localeCompare(String(b.date_creation)) || a.id - b.id)
    .at(-1);
  if (!latest) return;
  latest.status = status;
  latest.users_id_approval = author;
  latest.date_approval = ctx.stamp;
}

/**
 * Ticket::canRequesterUpdateItem, the only update Self-Service may make: on its own ticket (requester
 * or opener), neither solved nor closed, before anyone answered.
 */
export function helpdeskMayUpdate(ctx: WriteContext, ticket: Row): boolean {
  const { store } = ctx;
  const mine = ticket.users_id_recipient === ctx.actorUserId || isTicketActor(store, ticket.id, ctx.actorUserId, [requesterActor]);
  return mine && ticket.status !== solved && ticket.status !== closed && store.table('ITILFollowup').idsOfParent(ticket.id).length === 0;
}

/** What an update does to a ticket beyond its own fields (Ticket::prepareInputForUpdate, pre_updateInDB). */
export function applyTicketChange(ctx: WriteContext, row: Row, fields: Record<string, Scalar>, input: Input): void {
  const { store, stamp } = ctx;
  const assignees = ids(input._users_id_assign);
  for (const userId of assignees) linkActor(ctx, row, userId, assignedActor);
  // Any update by someone who may take the ticket into account does so (Ticket::pre_updateInDB).
  const untaken = Number(store.table('Ticket').value(row, 'takeintoaccount_delay_stat') ?? 0) === 0;
  const requester = isTicketActor(store, row.id, ctx.actorUserId, [requesterActor]);
  if (untaken && isCentral(ctx) && (!requester || assignees.includes(ctx.actorUserId))) takeIntoAccount(row, stamp);
  const status = typeof fields.status === 'number' ? fields.status : undefined;
  // Solving or closing stamps now (get_Ticket_id_after_put_solved); going back below "solved" clears them.
  if (status === solved && row.status !== solved) fields.solvedate = stamp;
  if (status === closed) {
    fields.closedate = stamp;
    if (row.solvedate == null) fields.solvedate = stamp;
  }
  if (status !== undefined && status < solved) {
    fields.solvedate = null;
    fields.closedate = null;
  }
  if ('urgency' in fields || 'impact' in fields) {
    fields.priority = ticketPriority(Number(fields.urgency ?? row.urgency ?? 3), Number(fields.impact ?? row.impact ?? 3));
  }
  fields.users_id_lastupdater = ctx.actorUserId;
}
