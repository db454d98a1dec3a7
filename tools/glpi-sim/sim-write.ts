import { noPermission } from './sim-http';
import { isVisible } from './sim-read';
import { apiUserId, ticketPriority } from './sim-seed';
import type { SimSession } from './sim-sessions';
import type { Row, Scalar, Store, TemplatedType } from './sim-store';
import { formatGlpiDate, glpiEncode } from './sim-text';

export type WriteContext = {
  store: Store;
  /** The API session, or null for the control endpoint (the technician is not scoped). */
  session: SimSession | null;
  actorUserId: number;
  /** API follow-ups on a solved ticket reopen it, the way a requester's answer does in GLPI. */
  reopenOnFollowup: boolean;
};

export type AddResult = { ok: true; id: number; message: string } | { ok: false; message: string };
export type ChangeResult = { ok: true } | { ok: false; message: string | null };

type Input = Record<string, unknown>;
const now = () => formatGlpiDate(Date.now());

/** The control endpoint may set dates (tests build same-date_mod ties); GLPI itself always stamps now. */
function dateOf(ctx: WriteContext, fields: Record<string, Scalar>, key: string, stamp: string): Scalar {
  const given = fields[key];
  return ctx.session === null && typeof given === 'string' ? given : stamp;
}

/** GLPI sanitizes every input: strings are stored HTML-encoded, booleans become 0/1. */
function columnsOf(store: Store, itemtype: TemplatedType, input: Input): Record<string, Scalar> {
  const table = store.table(itemtype);
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'id' || !table.columns.has(key)) continue;
    if (typeof value === 'string') out[key] = glpiEncode(value);
    else if (typeof value === 'number' || value === null) out[key] = value;
    else if (typeof value === 'boolean') out[key] = value ? 1 : 0;
  }
  return out;
}

function entityAllowed(ctx: WriteContext, entityId: number): boolean {
  if (!ctx.store.table('Entity').rows.has(entityId)) return false;
  return ctx.session === null || ctx.session.activeEntities.has(entityId);
}

function targetEntity(ctx: WriteContext, input: Input, key = 'entities_id'): number {
  const given = input[key];
  if (typeof given === 'number') return given;
  if (typeof given === 'string' && given.trim() !== '') return Number(given);
  // Without entities_id an item goes to the session's active entity (post_Computer_without_entities_id_goes_to_active_entity).
  return ctx.session?.activeEntity ?? 0;
}

const ids = (value: unknown): number[] =>
  (Array.isArray(value) ? value : [value]).map(Number).filter((id) => Number.isInteger(id) && id > 0);

export function addItem(ctx: WriteContext, itemtype: TemplatedType, input: Input): AddResult {
  const { store } = ctx;
  const stamp = now();
  const fields = columnsOf(store, itemtype, input);
  switch (itemtype) {
    case 'ITILFollowup':
      return addFollowup(ctx, input, fields, stamp);
    case 'User':
      return addUser(ctx, input, fields, stamp);
    case 'Profile_User': {
      const entityId = targetEntity(ctx, input);
      const userOk = store.table('User').rows.has(Number(input.users_id));
      const profileOk = store.dropdownName('Profile', Number(input.profiles_id)) !== null;
      if (!userOk || !profileOk || !entityAllowed(ctx, entityId)) return { ok: false, message: noPermission };
      const row = store.insert('Profile_User', { ...fields, entities_id: entityId });
      return { ok: true, id: row.id, message: '' };
    }
    case 'Entity': {
      const parentId = targetEntity(ctx, input);
      if (!entityAllowed(ctx, parentId)) return { ok: false, message: noPermission };
      const name = glpiEncode(String(input.name ?? ''));
      const duplicate = [...store.table('Entity').rows.values()].some((row) => row.entities_id === parentId && row.name === name);
      // The unicity violation leaks from SQL as is (post_Entity_duplicate_name).
      if (duplicate) return { ok: false, message: `Duplicate entry '${parentId}-${name}' for key 'unicity'` };
      const parent = store.table('Entity').rows.get(parentId);
      const ancestors = typeof parent?.ancestors_cache === 'string' ? `${parent.ancestors_cache.slice(0, -1)},${parentId}]`.replace('[,', '[') : `[${parentId}]`;
      const row = store.insert('Entity', {
        ...fields, name, entities_id: parentId, completename: `${store.entityCompleteName(parentId)} > ${name}`,
        level: Number(parent?.level ?? 1) + 1, ancestors_cache: ancestors, date_mod: stamp, date_creation: stamp, max_closedate: stamp,
      });
      return { ok: true, id: row.id, message: `Item successfully added: ${name}` };
    }
    case 'Ticket':
      return addTicket(ctx, input, fields, stamp);
    default: {
      const entityId = targetEntity(ctx, input);
      if (!entityAllowed(ctx, entityId)) return { ok: false, message: noPermission };
      const row = store.insert(itemtype, {
        ...fields, entities_id: entityId, date_mod: dateOf(ctx, fields, 'date_mod', stamp), date_creation: dateOf(ctx, fields, 'date_creation', stamp),
      });
      return { ok: true, id: row.id, message: `Item successfully added: ${String(row.name ?? '')}` };
    }
  }
}

function addTicket(ctx: WriteContext, input: Input, fields: Record<string, Scalar>, stamp: string): AddResult {
  const entityId = targetEntity(ctx, input);
  if (!entityAllowed(ctx, entityId)) return { ok: false, message: noPermission };
  const requesters = ids(input._users_id_requester);
  const assignees = ids(input._users_id_assign);
  const urgency = Number(fields.urgency ?? 3);
  const impact = Number(fields.impact ?? 3);
  let status = Number(fields.status ?? 1);
  if (status === 1 && assignees.length > 0) status = 2;
  const opened = typeof fields.date === 'string' ? fields.date : stamp;
  // Given solvedate/closedate are ignored: a ticket created solved or closed gets its opening date for both
  // (post_Ticket_status_closed_with_dates, get_Ticket_id_closed_at_creation_dates_result).
  const row = ctx.store.insert('Ticket', {
    ...fields, entities_id: entityId, name: fields.name ?? '', content: fields.content ?? '', status, urgency, impact,
    priority: typeof fields.priority === 'number' ? fields.priority : ticketPriority(urgency, impact),
    date: opened, date_creation: dateOf(ctx, fields, 'date_creation', stamp), date_mod: dateOf(ctx, fields, 'date_mod', stamp),
    solvedate: status >= 5 ? opened : null, closedate: status === 6 ? opened : null,
    takeintoaccountdate: assignees.length > 0 ? stamp : null,
    users_id_recipient: ctx.actorUserId, users_id_lastupdater: ctx.actorUserId, requesttypes_id: fields.requesttypes_id ?? 1,
  });
  for (const userId of requesters) addActor(ctx.store, row.id, userId, 1);
  for (const userId of assignees) addActor(ctx.store, row.id, userId, 2);
  // An empty title shows as "Ticket - ID n" (post_Ticket_empty_input_accepted).
  const label = row.name === '' ? `Ticket - ID ${row.id}` : String(row.name);
  return { ok: true, id: row.id, message: `Item successfully added: ${label} (${row.id})` };
}

function addActor(store: Store, ticketId: number, userId: number, type: number): void {
  store.insert('Ticket_User', { tickets_id: ticketId, users_id: userId, type, use_notification: 1, alternative_email: '' });
}

function addFollowup(ctx: WriteContext, input: Input, fields: Record<string, Scalar>, stamp: string): AddResult {
  const ticket = ctx.store.table('Ticket').rows.get(Number(input.items_id));
  const visible = ticket !== undefined && (ctx.session === null || isVisible(ctx.store, ctx.session, 'Ticket', ticket));
  // A follow-up on a missing ticket is a permission error, not a 404 (error_post_ITILFollowup_ticket_not_found).
  if ((input.itemtype ?? 'Ticket') !== 'Ticket' || !ticket || !visible) return { ok: false, message: noPermission };
  const row = ctx.store.insert('ITILFollowup', {
    ...fields, itemtype: 'Ticket', items_id: ticket.id, users_id: ctx.actorUserId, content: fields.content ?? '',
    is_private: Number(fields.is_private ?? 0), date: stamp, date_mod: stamp, date_creation: stamp,
    timeline_position: ctx.actorUserId === apiUserId ? 1 : 4,
  });
  ticket.date_mod = stamp;
  ticket.users_id_lastupdater = ctx.actorUserId;
  if (ctx.reopenOnFollowup && ticket.status === 5) {
    ticket.status = hasActor(ctx.store, ticket.id, 2) ? 2 : 1;
    ticket.solvedate = null;
  }
  return { ok: true, id: row.id, message: '' };
}

function hasActor(store: Store, ticketId: number, type: number): boolean {
  const links = store.table('Ticket_User');
  return links.idsOfParent(ticketId).some((id) => links.rows.get(id)?.type === type);
}

function addUser(ctx: WriteContext, input: Input, fields: Record<string, Scalar>, stamp: string): AddResult {
  const { store } = ctx;
  const login = String(fields.name ?? '');
  if ([...store.table('User').rows.values()].some((row) => row.name === login)) {
    return { ok: false, message: 'Unable to add. The user already exists.' };
  }
  if (input.password !== undefined && input.password2 !== undefined && input.password !== input.password2) {
    return { ok: false, message: 'Error: the two passwords do not match' };
  }
  const activeEntity = ctx.session?.activeEntity ?? 0;
  const row = store.insert('User', {
    ...fields, date_mod: stamp, date_creation: stamp, password_last_update: input.password2 === undefined ? null : stamp,
  });
  const emails = input._useremails;
  const emailEntries = Array.isArray(emails) ? emails.map((email, index) => [String(index), email] as const)
    : typeof emails === 'object' && emails !== null ? Object.entries(emails) : [];
  const defaultKey = input._default_email === undefined ? emailEntries[0]?.[0] : String(input._default_email);
  for (const [key, email] of emailEntries) {
    store.insert('UserEmail', { users_id: row.id, email: String(email), is_default: key === defaultKey ? 1 : 0 });
  }
  // Without _profiles_id GLPI adds the default profile on the active entity, flagged dynamic
  // (get_User_id_Profile_User_auto_assigned_after_post); with it, exactly that assignment.
  if (input._profiles_id !== undefined) {
    store.insert('Profile_User', {
      users_id: row.id, profiles_id: Number(input._profiles_id), entities_id: targetEntity(ctx, input, '_entities_id'),
      is_recursive: Number(input._is_recursive ?? 0), is_dynamic: 0, is_default_profile: 0,
    });
  } else {
    store.insert('Profile_User', { users_id: row.id, profiles_id: 1, entities_id: activeEntity, is_recursive: 0, is_dynamic: 1, is_default_profile: 1 });
  }
  const display = [row.realname, row.firstname].filter((part) => typeof part === 'string' && part !== '').join(' ') || login;
  return { ok: true, id: row.id, message: `Item successfully added: ${display}` };
}

export function updateItem(ctx: WriteContext, itemtype: TemplatedType, id: number, input: Input): ChangeResult {
  const { store } = ctx;
  const row = store.table(itemtype).rows.get(id);
  // An unknown id fails with a null message (error_put_Ticket_not_found).
  if (!row) return { ok: false, message: null };
  if (ctx.session !== null && !isVisible(store, ctx.session, itemtype, row)) return { ok: false, message: noPermission };
  const stamp = now();
  const fields = columnsOf(store, itemtype, input);
  if (typeof fields.entities_id === 'number' && fields.entities_id !== row.entities_id) {
    if (!entityAllowed(ctx, fields.entities_id)) return { ok: false, message: noPermission };
    store.purge(itemtype, id);
    Object.assign(row, fields);
    store.insert(itemtype, row);
  }
  if (itemtype === 'Ticket') applyTicketChange(ctx, row, fields, input, stamp);
  Object.assign(row, fields);
  if (store.table(itemtype).columns.has('date_mod')) row.date_mod = dateOf(ctx, fields, 'date_mod', stamp);
  return { ok: true };
}

function applyTicketChange(ctx: WriteContext, row: Row, fields: Record<string, Scalar>, input: Input, stamp: string): void {
  const assignees = ids(input._users_id_assign);
  for (const userId of assignees) addActor(ctx.store, row.id, userId, 2);
  if (assignees.length > 0 && row.takeintoaccountdate == null) fields.takeintoaccountdate = stamp;
  const status = typeof fields.status === 'number' ? fields.status : undefined;
  // Solving or closing stamps now (get_Ticket_id_after_put_solved); going back below "solved" clears them.
  if (status === 5 && row.status !== 5) fields.solvedate = stamp;
  if (status === 6) {
    fields.closedate = stamp;
    if (row.solvedate == null) fields.solvedate = stamp;
  }
  if (status !== undefined && status < 5) {
    fields.solvedate = null;
    fields.closedate = null;
  }
  if ('urgency' in fields || 'impact' in fields) {
    fields.priority = ticketPriority(Number(fields.urgency ?? row.urgency ?? 3), Number(fields.impact ?? row.impact ?? 3));
  }
  fields.users_id_lastupdater = ctx.actorUserId;
}

export function deleteItem(ctx: WriteContext, itemtype: TemplatedType, id: number, purge: boolean): ChangeResult {
  const { store } = ctx;
  const table = store.table(itemtype);
  const row = table.rows.get(id);
  if (!row) return { ok: false, message: 'Item not found' };
  if (ctx.session !== null && !isVisible(store, ctx.session, itemtype, row)) return { ok: false, message: noPermission };
  if (!purge && table.columns.has('is_deleted')) {
    // Trashing bumps date_mod, so an incremental read finds it with is_deleted=true (GLPI-API.md).
    row.is_deleted = 1;
    if (table.columns.has('date_mod')) row.date_mod = now();
    return { ok: true };
  }
  const children: Array<[TemplatedType, TemplatedType]> = [
    ['Ticket', 'ITILFollowup'], ['Ticket', 'Ticket_User'], ['User', 'Profile_User'], ['User', 'UserEmail'],
  ];
  for (const [parentType, childType] of children) {
    if (parentType !== itemtype) continue;
    for (const childId of [...store.table(childType).idsOfParent(id)]) store.purge(childType, childId);
  }
  store.purge(itemtype, id);
  return { ok: true };
}
