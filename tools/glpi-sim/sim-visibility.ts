import { entityScope } from './sim-itemtypes';
import type { SimSession } from './sim-sessions';
import type { Row, Store, TemplatedType } from './sim-store';

/** Ticket_User.type */
export const requesterActor = 1;
export const assignedActor = 2;
export const observerActor = 3;

/**
 * What a Self-Service (helpdesk) profile may see at all: its own tickets, their actors and their
 * public follow-ups. Every other type answers 403 ERROR_RIGHT_MISSING to lists, items and searches
 * (selfservice_get_Computer_list; checked on a real GLPI for User, Entity, State, Location…).
 */
const helpdeskTypes: ReadonlySet<string> = new Set([
  'Ticket',
  'ITILFollowup',
  'ITILSolution',
  'Ticket_User',
  'Item_Ticket',
  'TicketSatisfaction',
]);
/** Rows that name their ticket as `itemtype` + `items_id` rather than `tickets_id`. */
const ticketOf = (itemtype: TemplatedType, row: Row) =>
  Number(itemtype === 'ITILFollowup' || itemtype === 'ITILSolution' ? row.items_id : row.tickets_id);

export function typeViewable(session: SimSession, itemtype: string): boolean {
  return session.interface === 'central' || helpdeskTypes.has(itemtype);
}

export function isTicketActor(store: Store, ticketId: number, userId: number, types: readonly number[]): boolean {
  const links = store.table('Ticket_User');
  return links.idsOfParent(ticketId).some((id) => {
    const link = links.rows.get(id);
    return link !== undefined && link.users_id === userId && types.includes(Number(links.value(link, 'type')));
  });
}

/**
 * Ticket::READMY (Search::addDefaultWhere, Ticket::buildCanViewCondition): requester, observer or
 * the user who created it (users_id_recipient). Not the entity: follow-up lists ignore it.
 */
function ownsTicket(store: Store, session: SimSession, ticket: Row): boolean {
  return ticket.users_id_recipient === session.userId || isTicketActor(store, ticket.id, session.userId, [requesterActor, observerActor]);
}

function entityVisible(session: SimSession, entityId: number, recursiveRow: boolean): boolean {
  return session.activeEntities.has(entityId) || (recursiveRow && session.activeAncestors.has(entityId));
}

/** Session::canViewAllEntities: the active entities are every entity there is. */
function seesAllEntities(store: Store, session: SimSession): boolean {
  return session.activeEntities.size >= store.table('Entity').rows.size;
}

/** Users are scoped by their Profile_User entities, unless the session sees every entity (Search::addDefaultWhere). */
function userVisible(store: Store, session: SimSession, user: Row): boolean {
  if (seesAllEntities(store, session)) return true;
  const links = store.table('Profile_User');
  return links.idsOfParent(user.id).some((id) => {
    const link = links.rows.get(id);
    return (
      link !== undefined &&
      entityVisible(session, Number(links.value(link, 'entities_id')), Number(links.value(link, 'is_recursive')) === 1)
    );
  });
}

export function ticketReadable(store: Store, session: SimSession, ticket: Row): boolean {
  if (!session.activeEntities.has(Number(ticket.entities_id ?? 0))) return false;
  return session.interface === 'central' || ownsTicket(store, session, ticket);
}

/**
 * Whether a list (`GET /:itemtype`, sub-item lists, searches) shows the row. Follow-ups and ticket
 * actors have no entity column, so their lists are not entity-filtered at all (a Super-Admin switched
 * to an entity without tickets still lists every follow-up); Self-Service sees the public follow-ups
 * of the tickets it owns, in any entity (Search::addDefaultWhere, case ITILFollowup).
 */
export function rowListable(store: Store, session: SimSession, itemtype: TemplatedType, row: Row): boolean {
  if (!typeViewable(session, itemtype)) return false;
  const table = store.table(itemtype);
  switch (entityScope(itemtype)) {
    case 'global':
      return true;
    case 'self':
      return session.activeEntities.has(row.id);
    case 'user':
      return userVisible(store, session, row);
    case 'ticket': {
      if (session.interface === 'central') return true;
      const ticket = store.table('Ticket').rows.get(ticketOf(itemtype, row));
      if (!ticket || !ownsTicket(store, session, ticket)) return false;
      return itemtype !== 'ITILFollowup' || Number(table.value(row, 'is_private')) === 0;
    }
    case 'entity': {
      const recursive = table.columns.has('is_recursive') && Number(table.value(row, 'is_recursive')) === 1;
      if (!entityVisible(session, Number(table.value(row, 'entities_id') ?? 0), recursive)) return false;
      return itemtype !== 'Ticket' || session.interface === 'central' || ownsTicket(store, session, row);
    }
  }
}

/**
 * Whether `GET /:itemtype/:id` shows the row (CommonDBTM::can READ). Single follow-ups follow their
 * ticket, and a private one only to central profiles or its author (ITILFollowup::canViewItem).
 */
export function rowReadable(store: Store, session: SimSession, itemtype: TemplatedType, row: Row): boolean {
  if (!typeViewable(session, itemtype)) return false;
  if (entityScope(itemtype) !== 'ticket') return rowListable(store, session, itemtype, row);
  const ticket = store.table('Ticket').rows.get(ticketOf(itemtype, row));
  if (!ticket || !ticketReadable(store, session, ticket)) return false;
  if (itemtype !== 'ITILFollowup' || session.interface === 'central') return true;
  return Number(row.is_private ?? 0) === 0 || row.users_id === session.userId;
}

/** Rows a list shows, ascending id, trash excluded unless asked for (never both: GLPI filters is_deleted = 0 or 1). */
export function listRows(store: Store, session: SimSession, itemtype: TemplatedType, trash: boolean): Row[] {
  const table = store.table(itemtype);
  let rows: Row[];
  if (entityScope(itemtype) === 'entity') {
    // The per-entity index, plus recursive rows of ancestor entities (a root State seen from a client).
    const ids: number[] = [];
    for (const entity of session.activeEntities) ids.push(...table.idsOfEntity(entity));
    for (const entity of session.activeAncestors) {
      if (!session.activeEntities.has(entity)) ids.push(...table.idsOfEntity(entity));
    }
    ids.sort((a, b) => a - b);
    rows = ids.map((id) => table.rows.get(id)).filter((row): row is Row => row !== undefined && rowListable(store, session, itemtype, row));
  } else {
    rows = [...table.rows.values()].filter((row) => rowListable(store, session, itemtype, row));
    rows.sort((a, b) => a.id - b.id);
  }
  if (!table.columns.has('is_deleted')) return rows;
  const wanted = trash ? 1 : 0;
  return rows.filter((row) => Number(table.value(row, 'is_deleted')) === wanted);
}
