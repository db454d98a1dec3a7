import {
  flag, glpiError, header, json, noPermission, pageHeaders, parsePhpQuery, parseRange, rangeExceeds, sliceRange,
  type SimRequest, type SimResponse,
} from './sim-http';
import { materialize, type RowOptions } from './sim-rows';
import type { SimSession } from './sim-sessions';
import type { Row, Store, TemplatedType } from './sim-store';
import { glpiDateToRfc1123 } from './sim-text';

/** Item types GLPI knows but the simulator keeps empty: they answer `200 []` like an empty GLPI table. */
export const emptyItemtypes = new Set([
  'Document', 'ITILSolution', 'TicketTask', 'Document_Item', 'Group_Ticket', 'Item_Ticket', 'Log', 'TicketValidation',
]);

const tableNames: Partial<Record<TemplatedType, string>> = {
  Profile_User: 'glpi_profiles_users', Ticket_User: 'glpi_tickets_users', NetworkEquipment: 'glpi_networkequipments',
};
export const tableName = (itemtype: TemplatedType) => tableNames[itemtype] ?? `glpi_${itemtype.toLowerCase()}s`;

export function rowOptions(request: SimRequest): RowOptions {
  return {
    apiBase: request.apiBase,
    hateoas: flag(request.query, 'get_hateoas', true),
    onlyId: flag(request.query, 'only_id', false),
    decode: header(request, 'X-GLPI-Sanitized-Content')?.toLowerCase() === 'false',
    expandDropdowns: flag(request.query, 'expand_dropdowns', false),
  };
}

export function isVisible(store: Store, session: SimSession, itemtype: TemplatedType, row: Row): boolean {
  const entity = store.entityOf(itemtype, row);
  return entity === null || session.activeEntities.has(entity);
}

/** Rows of the session's active entities, ascending id, trash excluded unless asked for. */
export function scopedRows(store: Store, session: SimSession, itemtype: TemplatedType, trash: boolean): Row[] {
  const table = store.table(itemtype);
  let rows: Row[];
  if (itemtype === 'User' || itemtype === 'UserEmail' || itemtype === 'ITILFollowup' || itemtype === 'Ticket_User') {
    rows = [...table.rows.values()].filter((row) => isVisible(store, session, itemtype, row));
    rows.sort((a, b) => a.id - b.id);
  } else {
    const ids: number[] = [];
    for (const entity of session.activeEntities) ids.push(...table.idsOfEntity(entity));
    if (session.activeEntities.size > 1) ids.sort((a, b) => a - b);
    rows = ids.map((id) => table.rows.get(id)).filter((row): row is Row => row !== undefined);
  }
  if (!table.columns.has('is_deleted')) return rows;
  const wanted = trash ? 1 : 0;
  return rows.filter((row) => Number(table.value(row, 'is_deleted')) === wanted);
}

export function listItems(store: Store, session: SimSession, itemtype: TemplatedType, request: SimRequest): SimResponse {
  const table = store.table(itemtype);
  const trash = flag(request.query, 'is_deleted', false);
  let rows = scopedRows(store, session, itemtype, trash);
  const searchText = parsePhpQuery(request.query).searchText;
  if (typeof searchText === 'object') {
    for (const [column, text] of Object.entries(searchText)) {
      if (typeof text !== 'string' || !table.columns.has(column)) continue;
      const needle = text.toLowerCase();
      rows = rows.filter((row) => String(table.value(row, column) ?? '').toLowerCase().includes(needle));
    }
  }
  return page(store, itemtype, rows, request, itemtype);
}

export function page(
  store: Store, itemtype: TemplatedType, rows: Row[], request: SimRequest, acceptRangeType: string,
): SimResponse {
  const table = store.table(itemtype);
  const range = parseRange(request);
  if ('status' in range) return range;
  const order = (request.query.get('order') ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') return glpiError(request, 400, 'ERROR', 'order must be DESC or ASC');
  const sort = request.query.get('sort') ?? 'id';
  if (!table.columns.has(sort)) return glpiError(request, 400, 'ERROR', `sort param is not a field of ${tableName(itemtype)}`);
  const direction = order === 'ASC' ? 1 : -1;
  if (sort !== 'id' || direction === -1) {
    // SQL leaves ties in any order; the id tie-break keeps the simulator deterministic.
    rows = [...rows].sort((a, b) => compare(table.value(a, sort), table.value(b, sort)) * direction || a.id - b.id);
  }
  const exceeded = rangeExceeds(request, range, rows.length);
  if (exceeded) return exceeded;
  const options = rowOptions(request);
  const body = sliceRange(rows, range).map((row) => materialize(store, itemtype, row, options));
  const { status, headers } = pageHeaders(range, rows.length, acceptRangeType);
  return json(status, body, headers);
}

export function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export function getItem(store: Store, session: SimSession, itemtype: TemplatedType, id: number, request: SimRequest): SimResponse {
  const row = store.table(itemtype).rows.get(id);
  if (!row) return glpiError(request, 404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
  // An existing item outside the active entities is a 403, not a 404 (error_get_Computer_in_other_entity_not_active).
  if (!isVisible(store, session, itemtype, row)) return glpiError(request, 403, 'ERROR_RIGHT_MISSING', noPermission);
  const body = materialize(store, itemtype, row, { ...rowOptions(request), onlyId: false });
  const dateMod = store.table(itemtype).value(row, 'date_mod');
  const headers: Record<string, string> = typeof dateMod === 'string' ? { 'Last-Modified': glpiDateToRfc1123(dateMod) } : {};
  return json(200, body, headers);
}

type SubRoute = { itemtype: TemplatedType; filter?: (row: Row) => boolean };
const subRoutes: Partial<Record<TemplatedType, Partial<Record<string, SubRoute>>>> = {
  Ticket: {
    ITILFollowup: { itemtype: 'ITILFollowup', filter: (row) => row.itemtype === 'Ticket' },
    Ticket_User: { itemtype: 'Ticket_User' },
  },
  User: { Profile_User: { itemtype: 'Profile_User' }, UserEmail: { itemtype: 'UserEmail' } },
  Software: { SoftwareLicense: { itemtype: 'SoftwareLicense' } },
};

export function getSubItems(
  store: Store, session: SimSession, itemtype: TemplatedType, id: number, subtype: string, request: SimRequest,
): SimResponse {
  const parent = store.table(itemtype).rows.get(id);
  if (!parent) return glpiError(request, 404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
  if (!isVisible(store, session, itemtype, parent)) return glpiError(request, 403, 'ERROR_RIGHT_MISSING', noPermission);
  const route = subRoutes[itemtype]?.[subtype];
  if (!route) {
    if (emptyItemtypes.has(subtype)) return json(200, [], { 'Accept-Range': `${subtype} 1000` });
    return glpiError(request, 400, 'ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found or not an instance of CommonDBTM');
  }
  const table = store.table(route.itemtype);
  const rows = table.idsOfParent(id)
    .map((childId) => table.rows.get(childId))
    .filter((row): row is Row => row !== undefined && (route.filter?.(row) ?? true));
  return page(store, route.itemtype, rows, request, subtype);
}
