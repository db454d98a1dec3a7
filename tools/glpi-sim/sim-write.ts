import { clearReferences, insertDropdown, refreshTree } from './sim-dropdowns';
import { noPermission } from './sim-http';
import { entityScope, isDropdownType, treeParentKeys, type DropdownType } from './sim-itemtypes';
import { isTemplatedType, type Row, type Scalar, type TemplatedType } from './sim-store';
import { glpiEncode } from './sim-text';
import { isTicketActor, requesterActor, rowReadable } from './sim-visibility';
import {
  addedDate,
  columnsOf,
  entityAllowed,
  isCentral,
  targetEntity,
  updatedDate,
  type AddResult,
  type ChangeResult,
  type Input,
  type WriteContext,
} from './sim-write-common';
import { addFollowup, addSolution, addTicket, applyTicketChange, helpdeskMayUpdate } from './sim-write-tickets';
import { addUser, applyToken } from './sim-write-users';

export type { AddResult, ChangeResult, WriteContext } from './sim-write-common';

/** Self-Service writes tickets, follow-ups and the items a ticket is about, nothing else (selfservice_post_Ticket; 400 for the rest). */
const helpdeskWritable: ReadonlySet<string> = new Set(['Ticket', 'ITILFollowup', 'Item_Ticket', 'TicketSatisfaction']);

export function addItem(ctx: WriteContext, itemtype: TemplatedType, input: Input): AddResult {
  const { store } = ctx;
  if (!isCentral(ctx) && !helpdeskWritable.has(itemtype)) return { ok: false, message: noPermission };
  const fields = columnsOf(store, itemtype, input);
  if (isDropdownType(itemtype)) return addDropdown(ctx, itemtype, input, fields);
  switch (itemtype) {
    case 'ITILFollowup':
      return addFollowup(ctx, input, fields);
    case 'ITILSolution':
      return addSolution(ctx, input, fields);
    case 'Item_Ticket':
      return addItemTicket(ctx, input, fields);
    case 'TicketSatisfaction':
      return addSatisfaction(ctx, input, fields);
    case 'User':
      return addUser(ctx, input, fields);
    case 'Ticket':
      return addTicket(ctx, input, fields);
    case 'Profile_User': {
      const entityId = targetEntity(ctx, input);
      const userOk = store.table('User').rows.has(Number(input.users_id));
      const profileOk = store.label('Profile', Number(input.profiles_id)) !== null;
      if (!userOk || !profileOk || !entityAllowed(ctx, entityId)) return { ok: false, message: noPermission };
      const row = store.insert('Profile_User', { ...fields, entities_id: entityId });
      return { ok: true, id: row.id, message: '' };
    }
    case 'Entity':
      return addEntityRow(ctx, input, fields);
    case 'Item_OperatingSystem':
    case 'Infocom':
      return addAssetDetail(ctx, itemtype, input, fields);
    default: {
      const entityId = targetEntity(ctx, input);
      if (!entityAllowed(ctx, entityId)) return { ok: false, message: noPermission };
      const row = store.insert(itemtype, {
        ...fields,
        entities_id: entityId,
        date_mod: addedDate(ctx, fields, 'date_mod'),
        date_creation: addedDate(ctx, fields, 'date_creation'),
      });
      return { ok: true, id: row.id, message: `Item successfully added: ${String(row.name ?? '')}` };
    }
  }
}

/**
 * Item_Ticket (CommonItilObject_Item): the item must be one the session may read, the ticket one it
 * may answer and not closed (Item_Ticket::canCreateItem). Adding one moves the ticket's date_mod
 * (Item_Ticket::post_addItem; checked on 10.0.12).
 */
function addItemTicket(ctx: WriteContext, input: Input, fields: Record<string, Scalar>): AddResult {
  const { store } = ctx;
  const ticket = store.table('Ticket').rows.get(Number(input.tickets_id));
  const itemtype = String(input.itemtype ?? '');
  const item = isTemplatedType(itemtype) ? store.table(itemtype).rows.get(Number(input.items_id)) : undefined;
  if (!ticket || !item || !isTemplatedType(itemtype) || Number(ticket.status) === closedStatus) return { ok: false, message: noPermission };
  if (ctx.session !== null && (!rowReadable(store, ctx.session, 'Ticket', ticket) || !rowReadable(store, ctx.session, itemtype, item))) {
    return { ok: false, message: noPermission };
  }
  const row = store.insert('Item_Ticket', { ...fields, itemtype, items_id: item.id, tickets_id: ticket.id });
  ticket.date_mod = ctx.stamp;
  return { ok: true, id: row.id, message: `Item successfully added: ${String(item.name ?? '')}` };
}

/**
 * Removing a link moves its ticket's date_mod too (Item_Ticket::post_purgeItem), except on a
 * closed ticket: GLPI refuses that ticket's update silently and keeps its date_mod (checked on 10.0.12).
 */
function touchTicketOfLink(ctx: WriteContext, link: Row): void {
  const ticket = ctx.store.table('Ticket').rows.get(Number(link.tickets_id));
  if (ticket && Number(ticket.status) !== closedStatus) ticket.date_mod = ctx.stamp;
}
const closedStatus = 6;

/** A ticket's survey (CommonDBTM add): one per ticket, the ticket readable; GLPI leaves date_answered unset. */
function addSatisfaction(ctx: WriteContext, input: Input, fields: Record<string, Scalar>): AddResult {
  const ticket = ctx.store.table('Ticket').rows.get(Number(input.tickets_id));
  if (!ticket || (ctx.session !== null && !rowReadable(ctx.store, ctx.session, 'Ticket', ticket)))
    return { ok: false, message: noPermission };
  if (ctx.store.table('TicketSatisfaction').idsOfParent(ticket.id).length > 0)
    return { ok: false, message: `Duplicate entry '${ticket.id}' for key 'tickets_id'` };
  const row = ctx.store.insert('TicketSatisfaction', { ...fields, tickets_id: ticket.id, date_answered: null });
  return { ok: true, id: row.id, message: `Item successfully added: Satisfaction - ID ${row.id}` };
}

/**
 * TicketSatisfaction::canUpdateItem, for everyone (a Super-Admin included, checked on 10.0.12): the
 * ticket's requester (or its author holding the survey right), and not 12 hours after an answer.
 */
function satisfactionMayChange(ctx: WriteContext, row: Row): boolean {
  if (ctx.session === null) return true;
  const ticket = ctx.store.table('Ticket').rows.get(Number(row.tickets_id));
  if (!ticket || !rowReadable(ctx.store, ctx.session, 'Ticket', ticket)) return false;
  const answered = typeof row.date_answered === 'string' ? Date.parse(`${row.date_answered.replace(' ', 'T')}Z`) : null;
  if (answered !== null && Date.parse(`${ctx.stamp.replace(' ', 'T')}Z`) - answered > 12 * 3_600_000) return false;
  return isTicketActor(ctx.store, ticket.id, ctx.actorUserId, [requesterActor]);
}

function addEntityRow(ctx: WriteContext, input: Input, fields: Record<string, Scalar>): AddResult {
  const { store, stamp } = ctx;
  const parentId = targetEntity(ctx, input);
  if (!entityAllowed(ctx, parentId)) return { ok: false, message: noPermission };
  const name = glpiEncode(String(input.name ?? ''));
  const duplicate = [...store.table('Entity').rows.values()].some((row) => row.entities_id === parentId && row.name === name);
  // The unicity violation leaks from SQL as is (post_Entity_duplicate_name).
  if (duplicate) return { ok: false, message: `Duplicate entry '${parentId}-${name}' for key 'unicity'` };
  const parent = store.table('Entity').rows.get(parentId);
  const ancestors =
    typeof parent?.ancestors_cache === 'string'
      ? `${parent.ancestors_cache.slice(0, -1)},${parentId}]`.replace('[,', '[')
      : `[${parentId}]`;
  const row = store.insert('Entity', {
    ...fields,
    name,
    entities_id: parentId,
    completename: `${store.entityCompleteName(parentId)} > ${name}`,
    level: Number(parent?.level ?? 1) + 1,
    ancestors_cache: ancestors,
    date_mod: addedDate(ctx, fields, 'date_mod'),
    date_creation: addedDate(ctx, fields, 'date_creation'),
    max_closedate: stamp,
  });
  return { ok: true, id: row.id, message: `Item successfully added: ${name}` };
}

/**
 * An OS row or an Infocom belongs to its asset's entity, whatever the input or the active entity
 * says (Infocom::prepareInputForAdd, Item_OperatingSystem as a CommonDBRelation); an asset that does
 * not exist fails with an empty message (checked on 10.0.12).
 */
function addAssetDetail(
  ctx: WriteContext,
  itemtype: 'Item_OperatingSystem' | 'Infocom',
  input: Input,
  fields: Record<string, Scalar>,
): AddResult {
  const assetType = String(input.itemtype ?? '');
  const asset = isTemplatedType(assetType) ? ctx.store.table(assetType).rows.get(Number(input.items_id)) : undefined;
  if (!asset || !isTemplatedType(assetType)) return { ok: false, message: '' };
  if (ctx.session !== null && !rowReadable(ctx.store, ctx.session, assetType, asset)) return { ok: false, message: noPermission };
  const assets = ctx.store.table(assetType);
  const row = ctx.store.insert(itemtype, {
    ...fields,
    entities_id: Number(assets.value(asset, 'entities_id') ?? 0),
    is_recursive: Number(assets.value(asset, 'is_recursive') ?? 0),
    date_mod: addedDate(ctx, fields, 'date_mod'),
    date_creation: addedDate(ctx, fields, 'date_creation'),
  });
  return { ok: true, id: row.id, message: '' };
}

/** Global dropdowns ignore entities; State, Location, ITILCategory and licence types go to an active entity. */
function addDropdown(ctx: WriteContext, itemtype: DropdownType, input: Input, fields: Record<string, Scalar>): AddResult {
  const table = ctx.store.table(itemtype);
  const values: Record<string, Scalar> = { ...fields, name: fields.name ?? '' };
  if (entityScope(itemtype) === 'entity') {
    const entityId = targetEntity(ctx, input);
    if (!entityAllowed(ctx, entityId)) return { ok: false, message: noPermission };
    values.entities_id = entityId;
  }
  const parentKey = treeParentKeys[itemtype];
  if (parentKey && typeof values[parentKey] === 'number' && !table.rows.has(Number(values[parentKey]))) values[parentKey] = 0;
  if (table.columns.has('date_mod')) {
    values.date_mod = addedDate(ctx, fields, 'date_mod');
    values.date_creation = addedDate(ctx, fields, 'date_creation');
  }
  const row = insertDropdown(ctx.store, itemtype, values);
  return { ok: true, id: row.id, message: `Item successfully added: ${String(row.name ?? '')}` };
}

function mayChange(ctx: WriteContext, itemtype: TemplatedType, row: Row): boolean {
  if (ctx.session === null) return true;
  // A survey is reached through its ticket (satisfactionMayChange reads the ticket's rights).
  if (itemtype === 'TicketSatisfaction') return satisfactionMayChange(ctx, row);
  if (!rowReadable(ctx.store, ctx.session, itemtype, row)) return false;
  return isCentral(ctx) || (itemtype === 'Ticket' && helpdeskMayUpdate(ctx, row));
}

export function updateItem(ctx: WriteContext, itemtype: TemplatedType, id: number, input: Input): ChangeResult {
  const { store } = ctx;
  const table = store.table(itemtype);
  // A survey is found by its TICKET's id (TicketSatisfaction::getIndexName is tickets_id), and an
  // update whose input lacks tickets_id fails without a message (checked on 10.0.12).
  const row = itemtype === 'TicketSatisfaction' ? table.rows.get(table.idsOfParent(id)[0] ?? 0) : table.rows.get(id);
  // An unknown id fails with a null message (error_put_Ticket_not_found).
  if (!row) return { ok: false, message: null };
  if (!mayChange(ctx, itemtype, row)) return { ok: false, message: noPermission };
  if (itemtype === 'TicketSatisfaction' && Number(input.tickets_id) !== id) return { ok: false, message: '' };
  const fields = columnsOf(store, itemtype, input);
  if (typeof fields.entities_id === 'number' && fields.entities_id !== row.entities_id && entityScope(itemtype) === 'entity') {
    if (!entityAllowed(ctx, fields.entities_id)) return { ok: false, message: noPermission };
    store.purge(itemtype, id);
    Object.assign(row, fields);
    store.insert(itemtype, row);
  }
  if (itemtype === 'Ticket') applyTicketChange(ctx, row, fields, input);
  if (itemtype === 'User') applyToken(ctx, row, input);
  // TicketSatisfaction::prepareInputForUpdate: an answer is stamped.
  if (itemtype === 'TicketSatisfaction' && typeof fields.satisfaction === 'number' && fields.satisfaction >= 0)
    fields.date_answered = ctx.stamp;
  Object.assign(row, fields);
  if (table.columns.has('date_mod')) row.date_mod = updatedDate(ctx, fields);
  if (isDropdownType(itemtype)) refreshTree(store, itemtype, row);
  return { ok: true };
}

export function deleteItem(ctx: WriteContext, itemtype: TemplatedType, id: number, purge: boolean): ChangeResult {
  const { store } = ctx;
  const table = store.table(itemtype);
  const row = table.rows.get(id);
  if (!row) return { ok: false, message: 'Item not found' };
  if (!isCentral(ctx) || !mayChange(ctx, itemtype, row)) return { ok: false, message: noPermission };
  if (!purge && table.columns.has('is_deleted')) {
    // Trashing bumps date_mod, so an incremental read finds it with is_deleted=true (GLPI-API.md).
    row.is_deleted = 1;
    if (table.columns.has('date_mod')) row.date_mod = ctx.stamp;
    return { ok: true };
  }
  const children: Array<[TemplatedType, TemplatedType]> = [
    ['Ticket', 'ITILFollowup'],
    ['Ticket', 'ITILSolution'],
    ['Ticket', 'Item_Ticket'],
    ['Ticket', 'Ticket_User'],
    ['User', 'Profile_User'],
    ['User', 'UserEmail'],
  ];
  for (const [parentType, childType] of children) {
    if (parentType !== itemtype) continue;
    for (const childId of [...store.table(childType).idsOfParent(id)]) store.purge(childType, childId);
  }
  if (itemtype === 'Item_Ticket') touchTicketOfLink(ctx, row);
  store.purge(itemtype, id);
  if (isDropdownType(itemtype)) clearReferences(store, itemtype, id, ctx.stamp);
  return { ok: true };
}
