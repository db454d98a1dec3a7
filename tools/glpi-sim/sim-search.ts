import {
  flag,
  glpiError,
  json,
  pageHeaders,
  parsePhpQuery,
  parseRange,
  rangeExceeds,
  sliceRange,
  type PhpValue,
  type SimRequest,
  type SimResponse,
} from './sim-http';
import { compareScalars as compare, sortForRange } from './sim-order';
import { rightMissing } from './sim-read';
import type { SimSession } from './sim-sessions';
import { listRows, typeViewable } from './sim-visibility';
import { foreignKeyTables } from './sim-itemtypes';
import { assetTypes, type Row, type Scalar, type Store, type TemplatedType } from './sim-store';

type Option = {
  /** What `data` shows for the column. */
  display: (store: Store, row: Row) => unknown;
  /** What `equals` / `morethan` compare against, when it differs from the display (foreign keys). */
  raw?: (store: Store, row: Row) => Scalar;
};

const column = (itemtype: TemplatedType, key: string): Option => ({
  display: (store, row) => store.table(itemtype).value(row, key),
});
// A dropdown column shows its row's (complete) name, null for none: searches join the table.
const named = (itemtype: TemplatedType, key: string): Option => ({
  display: (store, row) => {
    const id = store.table(itemtype).value(row, key);
    const target = foreignKeyTables[key];
    return typeof id === 'number' && id > 0 && target ? (store.displayName(target, id) ?? null) : null;
  },
  raw: (store, row) => store.table(itemtype).value(row, key),
});
// Search shows entity complete names with a plain `>` (search_Ticket_by_id_sanitized_default).
const entityOption = (itemtype: TemplatedType): Option => ({
  display: (store, row) => store.entityCompleteName(Number(store.table(itemtype).value(row, 'entities_id') ?? 0)),
  raw: (store, row) => store.table(itemtype).value(row, 'entities_id'),
});
const absent: Option = { display: () => null };

/**
 * Requester (4), technician (5) and observer (66) are user ids as strings, an array when several
 * (search_Ticket_multi_valued_user_columns; 66 checked on a real GLPI by tests/real-glpi/company-users-real-glpi.test.ts).
 */
const actors = (type: number): Option => ({
  display: (store, row) => {
    const links = store.table('Ticket_User');
    const ids = links
      .idsOfParent(row.id)
      .map((id) => links.rows.get(id))
      .filter((link) => link !== undefined && link.type === type)
      .map((link) => String(link?.users_id));
    if (ids.length === 0) return null;
    return ids.length === 1 ? ids[0] : ids;
  },
});

function assetOptions(itemtype: TemplatedType): Record<number, Option> {
  const modelKey = `${itemtype.toLowerCase()}models_id`;
  const typeKey = `${itemtype.toLowerCase()}types_id`;
  return {
    1: column(itemtype, 'name'),
    2: column(itemtype, 'id'),
    3: named(itemtype, 'locations_id'),
    4: named(itemtype, typeKey),
    5: column(itemtype, 'serial'),
    6: column(itemtype, 'otherserial'),
    17: absent,
    19: column(itemtype, 'date_mod'),
    23: named(itemtype, 'manufacturers_id'),
    31: named(itemtype, 'states_id'),
    40: named(itemtype, modelKey),
    45: absent,
    80: entityOption(itemtype),
    121: column(itemtype, 'date_creation'),
  };
}

const ticketOptions: Record<number, Option> = {
  1: column('Ticket', 'name'),
  2: column('Ticket', 'id'),
  3: column('Ticket', 'priority'),
  4: actors(1),
  5: actors(2),
  7: named('Ticket', 'itilcategories_id'),
  8: absent,
  10: column('Ticket', 'urgency'),
  11: column('Ticket', 'impact'),
  12: column('Ticket', 'status'),
  14: column('Ticket', 'type'),
  15: column('Ticket', 'date'),
  16: column('Ticket', 'closedate'),
  17: column('Ticket', 'solvedate'),
  18: column('Ticket', 'time_to_resolve'),
  19: column('Ticket', 'date_mod'),
  21: column('Ticket', 'content'),
  80: entityOption('Ticket'),
  66: actors(3),
  155: column('Ticket', 'time_to_own'),
};

const searchOptions: Partial<Record<TemplatedType, Record<number, Option>>> = {
  Ticket: ticketOptions,
  Computer: assetOptions('Computer'),
  Monitor: assetOptions('Monitor'),
  Printer: assetOptions('Printer'),
  NetworkEquipment: assetOptions('NetworkEquipment'),
  Peripheral: assetOptions('Peripheral'),
  Phone: assetOptions('Phone'),
  Software: {
    1: column('Software', 'name'),
    2: column('Software', 'id'),
    19: column('Software', 'date_mod'),
    23: named('Software', 'manufacturers_id'),
    80: entityOption('Software'),
    121: column('Software', 'date_creation'),
  },
  // SoftwareLicense has no "last update" search option at all (GLPI-API.md): 19 is a bad field here.
  SoftwareLicense: {
    1: column('SoftwareLicense', 'name'),
    2: column('SoftwareLicense', 'id'),
    5: column('SoftwareLicense', 'serial'),
    80: entityOption('SoftwareLicense'),
  },
  Entity: {
    1: column('Entity', 'name'),
    2: column('Entity', 'id'),
    14: column('Entity', 'completename'),
    122: column('Entity', 'date_mod'),
  },
  // Follow-ups have no "last update" option (19 is a bad field); 5 shows the author's login.
  ITILFollowup: {
    1: column('ITILFollowup', 'content'),
    2: absent,
    3: column('ITILFollowup', 'date'),
    4: column('ITILFollowup', 'is_private'),
    5: {
      display: (store, row) => store.table('User').rows.get(Number(row.users_id))?.name ?? null,
      raw: (_store, row) => row.users_id ?? null,
    },
    6: column('ITILFollowup', 'itemtype'),
  },
  User: {
    1: column('User', 'name'),
    2: column('User', 'id'),
    9: column('User', 'firstname'),
    34: column('User', 'realname'),
    19: column('User', 'date_mod'),
    5: { display: (store, row) => defaultEmail(store, row.id) },
  },
};

const defaultColumns: Partial<Record<TemplatedType, number[]>> = {
  Ticket: [1, 2, 3, 4, 5, 7, 12, 15, 18, 19, 80],
  Computer: [1, 3, 4, 5, 17, 19, 23, 31, 40, 45, 80],
  Software: [1, 19, 23, 80],
  SoftwareLicense: [1, 80],
  User: [1, 34, 9, 5],
  ITILFollowup: [1],
  Entity: [1],
};

function defaultEmail(store: Store, userId: number): string | null {
  const emails = store.table('UserEmail');
  const first = emails
    .idsOfParent(userId)
    .map((id) => emails.rows.get(id))
    .find((row) => row?.is_default === 1);
  return first ? String(first.email ?? '') : null;
}

type Criterion = { link: string; test: (row: Row) => boolean };

export function search(store: Store, session: SimSession, itemtype: TemplatedType, request: SimRequest): SimResponse {
  if (!typeViewable(session, itemtype)) return rightMissing(request);
  const options = searchOptions[itemtype];
  if (!options) return glpiError(request, 400, 'ERROR', 'Bad itemtype for search');
  const params = parsePhpQuery(request.query);
  const criteria = parseCriteria(store, options, params.criteria);
  if (criteria === null) return glpiError(request, 400, 'ERROR', 'Bad field ID in search criteria');
  const range = parseRange(request);
  if ('status' in range) return range;
  const order = (request.query.get('order') ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const sortParam = request.query.get('sort');
  const sortId = sortParam === null ? 1 : Number(sortParam);
  const sortOption = options[sortId] ?? options[1];

  const table = store.table(itemtype);
  const trash = flag(request.query, 'is_deleted', false);
  const matching = listRows(store, session, itemtype, trash)
    .filter((row) => !table.columns.has('is_template') || table.value(row, 'is_template') !== 1)
    .filter((row) => matches(criteria, row));
  const direction = order === 'ASC' ? 1 : -1;
  const sortKey = (row: Row) => sortOption?.display(store, row);
  // Without criteria GLPI pages in SQL (LIMIT), with MariaDB's unstable ties; with any criterion it
  // reads every row and pages in PHP, so ties keep one order whatever the range (Search.php, $LIMIT).
  const rows =
    criteria.length === 0
      ? sortForRange(matching, sortKey, direction, range, sortOption === options[2])
      : matching.sort((a, b) => compare(sortKey(a), sortKey(b)) * direction || a.id - b.id);

  const exceeded = rangeExceeds(request, range, rows.length);
  if (exceeded) return exceeded;
  const columns = displayColumns(itemtype, params.forcedisplay, session, criterionFields(params.criteria));
  const data = sliceRange(rows, range).map((row) => {
    const out: Record<string, unknown> = {};
    for (const id of columns) out[String(id)] = options[id]?.display(store, row) ?? null;
    return out;
  });
  const { status, headers } = pageHeaders(range, rows.length, itemtype);
  const body: Record<string, unknown> = {
    totalcount: rows.length,
    count: data.length,
    // The echo is ["1"] (a string) by default but the number when `sort` is given (search_* fixtures).
    sort: sortParam === null ? ['1'] : [sortId],
    order: [order],
  };
  // No match: no `data` key at all (search_Ticket_no_results).
  if (rows.length > 0) {
    body.data = request.query.has('withindexes')
      ? Object.fromEntries(data.map((row, index) => [String(rows[range.start + index]?.id), row]))
      : data;
  }
  body['content-range'] = `${range.start}-${Math.min(range.end, rows.length - 1)}/${rows.length}`;
  return json(status, body, headers);
}

/** Name (1) always shows; entity (80) shows whenever several entities are active (search_Ticket_closed_in_alpha). */
function displayColumns(itemtype: TemplatedType, forced: PhpValue | undefined, session: SimSession, searched: number[]): number[] {
  const asked = typeof forced === 'object' ? Object.values(forced).map(Number) : (defaultColumns[itemtype] ?? [1, 80]);
  // Every searched field is shown too (Search::prepareDatasForSearch adds criteria fields to toview).
  const columns = new Set([1, ...asked, ...searched]);
  const scoped = (assetTypes as readonly string[]).includes(itemtype) || itemtype === 'Ticket';
  if (scoped && session.activeEntities.size > 1) columns.add(80);
  return [...columns].filter((id) => Number.isInteger(id)).sort((a, b) => a - b);
}

function criterionFields(value: PhpValue | undefined): number[] {
  if (typeof value !== 'object') return [];
  return Object.values(value).flatMap((entry) => {
    if (typeof entry !== 'object') return [];
    if (typeof entry.criteria === 'object') return criterionFields(entry.criteria);
    const field = Number(entry.field);
    return Number.isInteger(field) ? [field] : [];
  });
}

function parseCriteria(store: Store, options: Record<number, Option>, value: PhpValue | undefined): Criterion[] | null {
  if (value === undefined) return [];
  if (typeof value !== 'object') return null;
  const result: Criterion[] = [];
  for (const entry of Object.values(value)) {
    if (typeof entry !== 'object') return null;
    const link = typeof entry.link === 'string' ? entry.link.toUpperCase() : 'AND';
    if (typeof entry.criteria === 'object') {
      const nested = parseCriteria(store, options, entry.criteria);
      if (nested === null) return null;
      result.push({ link, test: (row) => matches(nested, row) });
      continue;
    }
    const option = options[Number(entry.field)];
    if (!option) return null;
    const test = criterionTest(store, option, String(entry.searchtype ?? 'contains'), String(entry.value ?? ''));
    if (!test) return null;
    result.push({ link, test });
  }
  return result;
}

/** SQL precedence: AND binds tighter than OR; `NOT` links negate their own criterion. */
function matches(criteria: Criterion[], row: Row): boolean {
  let any = false;
  let current = true;
  criteria.forEach((criterion, index) => {
    const negate = criterion.link.endsWith('NOT');
    const value = criterion.test(row) !== negate;
    if (index > 0 && criterion.link.startsWith('OR')) {
      any ||= current;
      current = value;
    } else {
      current &&= value;
    }
  });
  return criteria.length === 0 || any || current;
}

const statusGroups: Record<string, number[]> = {
  notold: [1, 2, 3, 4],
  notclosed: [1, 2, 3, 4, 5],
  old: [5, 6],
  process: [2, 3],
  all: [1, 2, 3, 4, 5, 6],
};

function criterionTest(store: Store, option: Option, searchtype: string, value: string): ((row: Row) => boolean) | null {
  const raw = (row: Row) => (option.raw ?? option.display)(store, row);
  switch (searchtype) {
    case 'contains': {
      const needle = value.toLowerCase();
      return (row) =>
        String(option.display(store, row) ?? '')
          .toLowerCase()
          .includes(needle);
    }
    case 'equals':
    case 'notequals': {
      const group = statusGroups[value];
      const test = group ? (row: Row) => group.includes(Number(raw(row))) : (row: Row) => String(raw(row)) === value;
      return searchtype === 'equals' ? test : (row) => !test(row);
    }
    case 'under': {
      const subtree = new Set(store.entitySubtree(Number(value)));
      return (row) => subtree.has(Number(raw(row)));
    }
    case 'morethan':
    case 'lessthan': {
      // A leading "=" makes the comparison inclusive; a date alone means midnight.
      const inclusive = value.startsWith('=');
      const bound = normalizeBound(inclusive ? value.slice(1) : value);
      return (row) => {
        const current = raw(row);
        if (current === null || current === undefined) return false;
        const order = compare(typeof bound === 'number' ? Number(current) : String(current), bound);
        return (searchtype === 'morethan' ? order > 0 : order < 0) || (inclusive && order === 0);
      };
    }
    default:
      return null;
  }
}

function normalizeBound(value: string): string | number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value} 00:00:00`;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}
