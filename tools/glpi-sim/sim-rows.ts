import { itemTemplates } from './item-templates';
import { foreignKeyTables, type LabelKind } from './sim-itemtypes';
import { isTemplatedType, type Row, type Scalar, type Store, type Table, type TemplatedType } from './sim-store';
import { glpiDecode } from './sim-text';

export type RowOptions = {
  apiBase: string;
  hateoas: boolean;
  onlyId: boolean;
  /** `X-GLPI-Sanitized-Content: false`: text comes back decoded (lists and items, never search). */
  decode: boolean;
  expandDropdowns: boolean;
};

type ForeignKey = { rel: string; expand: (store: Store, id: number) => string | null };

const userLogin: ForeignKey = {
  rel: 'User',
  expand: (store, id) => {
    const user = store.table('User').rows.get(id);
    return user ? String(user.name ?? '') : null;
  },
};
const label = (rel: string, kind: LabelKind): ForeignKey => ({ rel, expand: (store, id) => store.label(kind, id) });
// A served table: its row's display name, "" when the id points nowhere (API::parseDropdowns asks
// Dropdown::getDropdownName with '' as the default). Complete names of trees come back with their
// " > " separators HTML-encoded, like entities (a Location shows "Siège &#62; Étage 2").
const tableRow = (itemtype: TemplatedType): ForeignKey => ({
  rel: itemtype,
  expand: (store, id) => (store.displayName(itemtype, id) ?? '').replace(/>/g, '&#62;'),
});
const requestTypes = ['Helpdesk', 'E-Mail', 'Phone', 'Direct', 'Written', 'Other'];

/** Foreign keys GLPI turns into HATEOAS links and, with expand_dropdowns, into display names. */
const foreignKeys: Record<string, ForeignKey> = {
  // Entity complete names come back HTML-encoded when expanded (get_Ticket_id_expand_dropdowns).
  entities_id: { rel: 'Entity', expand: (store, id) => store.entityCompleteName(id).replace(/>/g, '&#62;') },
  users_id: userLogin,
  users_id_tech: userLogin,
  users_id_recipient: userLogin,
  users_id_lastupdater: userLogin,
  users_id_editor: userLogin,
  groups_id: label('Group', 'Group'),
  groups_id_tech: label('Group', 'Group'),
  profiles_id: label('Profile', 'Profile'),
  requesttypes_id: { rel: 'RequestType', expand: (_store, id) => requestTypes[id - 1] ?? null },
  ...Object.fromEntries(Object.entries(foreignKeyTables).map(([key, itemtype]) => [key, tableRow(itemtype)])),
};

/** `items_id` points into the table its row's `itemtype` names (API::parseDropdowns). */
function foreignKeyOf(table: Table, key: string, row: Row): ForeignKey | undefined {
  if (key !== 'items_id') return foreignKeys[key];
  const target = String(table.value(row, 'itemtype') ?? '');
  return isTemplatedType(target) ? tableRow(target) : undefined;
}

export function materialize(store: Store, itemtype: TemplatedType, row: Row, options: RowOptions): Record<string, unknown> {
  const template = itemTemplates[itemtype];
  const out: Record<string, unknown> = {};
  if (options.onlyId) {
    out.id = row.id;
  } else {
    for (const [key, fallback] of Object.entries(template.defaults)) {
      const own = row[key];
      let value: Scalar = own === undefined ? fallback : own;
      if (options.decode && typeof value === 'string') value = glpiDecode(value);
      out[key] = options.expandDropdowns ? expanded(store, itemtype, key, value, row) : value;
    }
  }
  if (options.hateoas) {
    const rowLinks = links(store, itemtype, row, options.apiBase);
    // A row without any link has no `links` key at all (a Manufacturer: GLPI appends to an unset array).
    if (rowLinks.length > 0) out.links = rowLinks;
  }
  return out;
}

/** entities_id 0 is still a link and a name (the root entity); any other key at 0 is "none" (API::parseDropdowns). */
const linked = (key: string, value: Scalar): value is number => typeof value === 'number' && (value !== 0 || key === 'entities_id');

function expanded(store: Store, itemtype: TemplatedType, key: string, value: Scalar, row: Row): Scalar {
  // Zero foreign keys stay the number 0 (get_Computer_range_0-2_expand_dropdowns).
  if (!linked(key, value)) return value;
  const fk = foreignKeyOf(store.table(itemtype), key, row);
  if (!fk) return value;
  return fk.expand(store, value) ?? value;
}

function links(store: Store, itemtype: TemplatedType, row: Row, apiBase: string): Array<{ rel: string; href: string }> {
  const result: Array<{ rel: string; href: string }> = [];
  const table = store.table(itemtype);
  for (const key of Object.keys(itemTemplates[itemtype].defaults)) {
    const value = table.value(row, key);
    if (!linked(key, value)) continue;
    const rel = foreignKeyOf(table, key, row)?.rel;
    if (rel) result.push({ rel, href: `${apiBase}/${rel}/${value}` });
  }
  for (const child of itemTemplates[itemtype].childLinks) {
    result.push({ rel: child, href: `${apiBase}/${itemtype}/${row.id}/${child}/` });
  }
  return result;
}
