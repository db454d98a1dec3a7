import { itemTemplates } from './item-templates';
import type { DropdownKind, Row, Scalar, Store, TemplatedType } from './sim-store';
import { glpiDecode } from './sim-text';

export type RowOptions = {
  apiBase: string;
  hateoas: boolean;
  onlyId: boolean;
  /** `X-GLPI-Sanitized-Content: false`: text comes back decoded (lists and items, never search). */
  decode: boolean;
  expandDropdowns: boolean;
};

type ForeignKey = { rel: string; expand: (store: Store, id: number, row: Row) => string | null };

const dropdown = (rel: string, kind: DropdownKind): ForeignKey => ({
  rel,
  expand: (store, id) => store.dropdownName(kind, id),
});
const userLogin: ForeignKey = {
  rel: 'User',
  expand: (store, id) => {
    const user = store.table('User').rows.get(id);
    return user ? String(user.name ?? '') : null;
  },
};
const rowName = (itemtype: TemplatedType): ForeignKey => ({
  rel: itemtype,
  expand: (store, id) => {
    const row = store.table(itemtype).rows.get(id);
    return row ? String(row.name ?? '') : null;
  },
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
  groups_id: dropdown('Group', 'Group'),
  groups_id_tech: dropdown('Group', 'Group'),
  locations_id: dropdown('Location', 'Location'),
  manufacturers_id: dropdown('Manufacturer', 'Manufacturer'),
  operatingsystems_id: dropdown('OperatingSystem', 'OperatingSystem'),
  states_id: dropdown('State', 'State'),
  computertypes_id: dropdown('ComputerType', 'ComputerType'),
  computermodels_id: dropdown('ComputerModel', 'ComputerModel'),
  monitormodels_id: dropdown('MonitorModel', 'ComputerModel'),
  printermodels_id: dropdown('PrinterModel', 'ComputerModel'),
  networkequipmentmodels_id: dropdown('NetworkEquipmentModel', 'ComputerModel'),
  phonemodels_id: dropdown('PhoneModel', 'ComputerModel'),
  itilcategories_id: dropdown('ITILCategory', 'ITILCategory'),
  softwarelicensetypes_id: dropdown('SoftwareLicenseType', 'SoftwareLicenseType'),
  profiles_id: dropdown('Profile', 'Profile'),
  requesttypes_id: { rel: 'RequestType', expand: (_store, id) => requestTypes[id - 1] ?? null },
  softwares_id: rowName('Software'),
  tickets_id: rowName('Ticket'),
};

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
  if (options.hateoas) out.links = links(store, itemtype, row, options.apiBase);
  return out;
}

function expanded(store: Store, itemtype: TemplatedType, key: string, value: Scalar, row: Row): Scalar {
  // Zero foreign keys stay the number 0 (get_Computer_range_0-2_expand_dropdowns).
  if (typeof value !== 'number' || value === 0) return value;
  if (key === 'items_id' && itemtype === 'ITILFollowup') return foreignKeys.tickets_id?.expand(store, value, row) ?? value;
  const fk = foreignKeys[key];
  if (!fk || (itemtype === 'Entity' && key === 'entities_id' && value === 0)) return value;
  return fk.expand(store, value, row) ?? value;
}

function links(store: Store, itemtype: TemplatedType, row: Row, apiBase: string): Array<{ rel: string; href: string }> {
  const result: Array<{ rel: string; href: string }> = [];
  const table = store.table(itemtype);
  for (const key of Object.keys(itemTemplates[itemtype].defaults)) {
    const value = table.value(row, key);
    if (typeof value !== 'number' || value === 0) continue;
    const rel = key === 'items_id' ? String(table.value(row, 'itemtype') ?? '') : foreignKeys[key]?.rel;
    if (rel) result.push({ rel, href: `${apiBase}/${rel}/${value}` });
  }
  // The root entity has entities_id null but children link to it as Entity/0 (get_Entity_id).
  if (itemtype === 'Entity' && row.entities_id === 0) result.unshift({ rel: 'Entity', href: `${apiBase}/Entity/0` });
  for (const child of itemTemplates[itemtype].childLinks) {
    result.push({ rel: child, href: `${apiBase}/${itemtype}/${row.id}/${child}/` });
  }
  return result;
}
