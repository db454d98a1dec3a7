import {
  flag,
  glpiError,
  header,
  json,
  listLimit,
  noPermission,
  pageHeaders,
  parsePhpQuery,
  parseRange,
  rangeExceeds,
  sliceRange,
  type SimRequest,
  type SimResponse,
} from './sim-http';
import { sortForRange } from './sim-order';
import { materialize, type RowOptions } from './sim-rows';
import type { SimSession } from './sim-sessions';
import type { Row, Store, TemplatedType } from './sim-store';
import { glpiDateToRfc1123 } from './sim-text';
import { textCondition } from './sim-text-search';
import { listRows, rowListable, rowReadable, typeViewable } from './sim-visibility';

/** Item types GLPI knows but the simulator keeps empty: they answer `200 []` like an empty GLPI table. */
export const emptyItemtypes = new Set(['TicketTask', 'Group_Ticket', 'Log', 'TicketValidation']);

const tableNames: Partial<Record<TemplatedType, string>> = {
  Profile_User: 'glpi_profiles_users',
  Ticket_User: 'glpi_tickets_users',
  Item_OperatingSystem: 'glpi_items_operatingsystems',
};
/** GLPI's getTableForItemType: lower case, plural ("ITILCategory" → glpi_itilcategories). */
const tableName = (itemtype: TemplatedType) => tableNames[itemtype] ?? `glpi_${itemtype.toLowerCase().replace(/y$/, 'ie')}s`;

function rowOptions(request: SimRequest): RowOptions {
  return {
    apiBase: request.apiBase,
    hateoas: flag(request.query, 'get_hateoas', true),
    onlyId: flag(request.query, 'only_id', false),
    decode: header(request, 'X-GLPI-Sanitized-Content')?.toLowerCase() === 'false',
    expandDropdowns: flag(request.query, 'expand_dropdowns', false),
  };
}

/** Fields GLPI never discloses, not even to a search on them (CommonDBTM::unsetUndisclosedFields). */
const undisclosed: Partial<Record<TemplatedType, readonly string[]>> = {
  User: ['password', 'api_token', 'personal_token', 'cookie_token', 'password_forget_token'],
};

export function rightMissing(request: SimRequest): SimResponse {
  return glpiError(request, 403, 'ERROR_RIGHT_MISSING', noPermission);
}

export function listItems(store: Store, session: SimSession, itemtype: TemplatedType, request: SimRequest): SimResponse {
  if (!typeViewable(session, itemtype)) return rightMissing(request);
  const table = store.table(itemtype);
  let rows = listRows(store, session, itemtype, flag(request.query, 'is_deleted', false));
  const searchText = parsePhpQuery(request.query).searchText;
  if (typeof searchText === 'object') {
    for (const [column, text] of Object.entries(searchText)) {
      if (typeof text !== 'string' || undisclosed[itemtype]?.includes(column)) continue;
      const condition = textCondition(text);
      if (condition === null) continue;
      // An unknown column is an SQL error, which the API answers with an empty 200 text/html page.
      if (!table.columns.has(column)) return { status: 200, headers: {}, body: null, rawBody: '', contentType: 'text/html; charset=UTF-8' };
      rows = rows.filter((row) => condition(table.value(row, column)));
    }
  }
  return page(store, itemtype, rows, request, itemtype);
}

function page(store: Store, itemtype: TemplatedType, rows: Row[], request: SimRequest, acceptRangeType: string): SimResponse {
  const table = store.table(itemtype);
  const range = parseRange(request);
  if ('status' in range) return range;
  const order = (request.query.get('order') ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') return glpiError(request, 400, 'ERROR', 'order must be DESC or ASC');
  const sort = request.query.get('sort') ?? 'id';
  if (!table.columns.has(sort)) return glpiError(request, 400, 'ERROR', `sort param is not a field of ${tableName(itemtype)}`);
  const direction = order === 'ASC' ? 1 : -1;
  // Rows come ascending by id: only another order needs a sort, with GLPI's unstable ties (sim-order.ts).
  if (sort !== 'id' || direction === -1) {
    const requested = range.explicit ? range : { ...range, end: range.start + listLimit - 1 };
    rows = sortForRange(rows, (row) => table.value(row, sort), direction, requested, sort === 'id');
  }
  const exceeded = rangeExceeds(request, range, rows.length);
  if (exceeded) return exceeded;
  const options = rowOptions(request);
  const body = sliceRange(rows, range).map((row) => materialize(store, itemtype, row, options));
  const { status, headers } = pageHeaders(range, rows.length, acceptRangeType);
  return json(status, body, headers);
}

export function getItem(store: Store, session: SimSession, itemtype: TemplatedType, id: number, request: SimRequest): SimResponse {
  const row = store.table(itemtype).rows.get(id);
  if (!typeViewable(session, itemtype)) return rightMissing(request);
  if (!row) return glpiError(request, 404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
  // An existing item outside the active entities is a 403, not a 404 (error_get_Computer_in_other_entity_not_active).
  if (!rowReadable(store, session, itemtype, row)) return rightMissing(request);
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
    ITILSolution: { itemtype: 'ITILSolution', filter: (row) => row.itemtype === 'Ticket' },
    Item_Ticket: { itemtype: 'Item_Ticket' },
    Document_Item: { itemtype: 'Document_Item', filter: (row) => row.itemtype === 'Ticket' },
    TicketSatisfaction: { itemtype: 'TicketSatisfaction' },
  },
  User: { Profile_User: { itemtype: 'Profile_User' }, UserEmail: { itemtype: 'UserEmail' } },
  Software: { SoftwareLicense: { itemtype: 'SoftwareLicense' } },
};

export function getSubItems(
  store: Store,
  session: SimSession,
  itemtype: TemplatedType,
  id: number,
  subtype: string,
  request: SimRequest,
): SimResponse {
  const parent = store.table(itemtype).rows.get(id);
  if (!parent) return glpiError(request, 404, 'ERROR_ITEM_NOT_FOUND', 'Item not found');
  if (!rowReadable(store, session, itemtype, parent)) return rightMissing(request);
  const route = subRoutes[itemtype]?.[subtype];
  if (!route) {
    if (emptyItemtypes.has(subtype)) return json(200, [], { 'Accept-Range': `${subtype} 1000` });
    return glpiError(request, 400, 'ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found or not an instance of CommonDBTM');
  }
  const table = store.table(route.itemtype);
  const rows = table
    .idsOfParent(id)
    .map((childId) => table.rows.get(childId))
    .filter((row): row is Row => row !== undefined && (route.filter?.(row) ?? true) && rowListable(store, session, route.itemtype, row));
  return page(store, route.itemtype, rows, request, subtype);
}
