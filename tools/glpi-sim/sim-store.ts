import { itemTemplates, type Scalar, type TemplatedType } from './item-templates';
import { entityScope, treeParentKeys, type LabelKind } from './sim-itemtypes';

export type { Scalar, TemplatedType };
/** Rows are stored sparse (only what differs from the template) so 150,000 items stay small. */
export type Row = Record<string, Scalar> & { id: number };

export const assetTypes = [
  'Computer',
  'Monitor',
  'Printer',
  'NetworkEquipment',
  'Peripheral',
  'Phone',
  'Software',
  'SoftwareLicense',
] as const;
export type AssetType = (typeof assetTypes)[number];

export function isTemplatedType(value: string): value is TemplatedType {
  return Object.hasOwn(itemTemplates, value);
}

/** Rows that point at a parent row (a ticket, a user) are indexed by it for sub-item routes. */
const parentKeys: Partial<Record<TemplatedType, string>> = {
  ITILFollowup: 'items_id',
  ITILSolution: 'items_id',
  Ticket_User: 'tickets_id',
  Item_Ticket: 'tickets_id',
  TicketSatisfaction: 'tickets_id',
  // Links to tickets and to follow-ups share the column: sub-item routes filter by itemtype too.
  Document_Item: 'items_id',
  Profile_User: 'users_id',
  UserEmail: 'users_id',
  SoftwareLicense: 'softwares_id',
};

export class Table {
  readonly rows = new Map<number, Row>();
  /** ids per entity, ascending (ids only grow, so appending keeps the order). */
  readonly byEntity = new Map<number, number[]>();
  readonly byParent = new Map<number, number[]>();
  nextId = 1;
  readonly parentKey: string | undefined;
  readonly columns: ReadonlySet<string>;

  constructor(readonly itemtype: TemplatedType) {
    this.parentKey = parentKeys[itemtype];
    this.columns = new Set(Object.keys(itemTemplates[itemtype].defaults));
  }

  value(row: Row, key: string): Scalar {
    const own = row[key];
    if (own !== undefined) return own;
    return (itemTemplates[this.itemtype].defaults as Record<string, Scalar>)[key] ?? null;
  }

  insert(fields: Record<string, Scalar>, entityId: number | null): Row {
    const id = typeof fields.id === 'number' ? fields.id : this.nextId;
    this.nextId = Math.max(this.nextId, id + 1);
    const row: Row = { ...fields, id };
    this.rows.set(id, row);
    if (entityId !== null) pushSorted(this.byEntity, entityId, id);
    if (this.parentKey) {
      const parent = row[this.parentKey];
      if (typeof parent === 'number') pushSorted(this.byParent, parent, id);
    }
    return row;
  }

  remove(id: number, entityId: number | null): void {
    const row = this.rows.get(id);
    if (!row) return;
    this.rows.delete(id);
    if (entityId !== null) removeFrom(this.byEntity, entityId, id);
    if (this.parentKey) {
      const parent = row[this.parentKey];
      if (typeof parent === 'number') removeFrom(this.byParent, parent, id);
    }
  }

  idsOfEntity(entityId: number): readonly number[] {
    return this.byEntity.get(entityId) ?? [];
  }

  idsOfParent(parentId: number): readonly number[] {
    return this.byParent.get(parentId) ?? [];
  }
}

function pushSorted(index: Map<number, number[]>, key: number, id: number): void {
  const ids = index.get(key);
  if (!ids) {
    index.set(key, [id]);
    return;
  }
  const last = ids[ids.length - 1];
  if (last === undefined || last < id) {
    ids.push(id);
    return;
  }
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ids[mid] ?? 0) < id) low = mid + 1;
    else high = mid;
  }
  ids.splice(low, 0, id);
}

function removeFrom(index: Map<number, number[]>, key: number, id: number): void {
  const ids = index.get(key);
  if (!ids) return;
  const at = ids.indexOf(id);
  if (at >= 0) ids.splice(at, 1);
}

export class Store {
  readonly tables = new Map<TemplatedType, Table>();
  readonly labels = new Map<LabelKind, Map<number, string>>();
  /** Uploaded files by SHA-1 (base64), as GLPI keeps one file per content under GLPI_DOC_DIR. */
  readonly files = new Map<string, string>();

  constructor() {
    for (const itemtype of Object.keys(itemTemplates)) {
      if (isTemplatedType(itemtype)) this.tables.set(itemtype, new Table(itemtype));
    }
  }

  table(itemtype: TemplatedType): Table {
    const table = this.tables.get(itemtype);
    if (!table) throw new Error(`no table ${itemtype}`);
    return table;
  }

  setLabels(kind: LabelKind, values: readonly string[]): void {
    this.labels.set(kind, new Map(values.map((value, index) => [index + 1, value])));
  }

  label(kind: LabelKind, id: Scalar): string | null {
    if (typeof id !== 'number' || id === 0) return null;
    return this.labels.get(kind)?.get(id) ?? null;
  }

  /**
   * What GLPI shows for a row of a served table (Dropdown::getDropdownName): a tree dropdown's
   * complete name ("Siège > Étage 2"), otherwise its name; undefined when the row does not exist.
   */
  displayName(itemtype: TemplatedType, id: number): string | undefined {
    const table = this.table(itemtype);
    const row = table.rows.get(id);
    if (!row) return undefined;
    const key = treeParentKeys[itemtype] ? 'completename' : 'name';
    return String(table.value(row, key) ?? '');
  }

  /** The entity a row belongs to for scoping, or null when the type is not entity-scoped (users). */
  entityOf(itemtype: TemplatedType, row: Row): number | null {
    switch (entityScope(itemtype)) {
      case 'self':
        return row.id;
      case 'global':
      case 'user':
        return null;
      case 'ticket': {
        const ticketId = itemtype === 'ITILFollowup' || itemtype === 'ITILSolution' ? row.items_id : row.tickets_id;
        const ticket = typeof ticketId === 'number' ? this.table('Ticket').rows.get(ticketId) : undefined;
        return ticket ? Number(ticket.entities_id ?? 0) : null;
      }
      case 'entity':
        return Number(this.table(itemtype).value(row, 'entities_id') ?? 0);
    }
  }

  /** Entity-scoped types keep an index per entity; child rows are reached through their parent. */
  indexEntityOf(itemtype: TemplatedType, row: Row): number | null {
    if (entityScope(itemtype) === 'ticket') return null;
    return this.entityOf(itemtype, row);
  }

  insert(itemtype: TemplatedType, fields: Record<string, Scalar>): Row {
    const table = this.table(itemtype);
    // An entity is scoped by its own id, which the table assigns: take it before indexing.
    const id = typeof fields.id === 'number' ? fields.id : table.nextId;
    const probe = { ...fields, id } as Row;
    return table.insert({ ...fields, id }, this.indexEntityOf(itemtype, probe));
  }

  purge(itemtype: TemplatedType, id: number): void {
    const table = this.table(itemtype);
    const row = table.rows.get(id);
    if (!row) return;
    table.remove(id, this.indexEntityOf(itemtype, row));
  }

  entityName(id: number): string | null {
    const row = this.table('Entity').rows.get(id);
    return row ? String(row.name ?? '') : null;
  }

  entityCompleteName(id: number): string {
    const row = this.table('Entity').rows.get(id);
    return row ? String(row.completename ?? '') : '';
  }

  /** The entity and all its descendants, the scope of a recursive active entity. */
  entitySubtree(rootId: number): number[] {
    const children = new Map<number, number[]>();
    for (const row of this.table('Entity').rows.values()) {
      const parent = row.entities_id;
      if (typeof parent !== 'number' || row.id === rootId) continue;
      const list = children.get(parent) ?? [];
      list.push(row.id);
      children.set(parent, list);
    }
    const result: number[] = [];
    const queue = [rootId];
    while (queue.length > 0) {
      const id = queue.shift();
      if (id === undefined) break;
      result.push(id);
      queue.push(...(children.get(id) ?? []));
    }
    return result.sort((a, b) => a - b);
  }

  /** Parent, grand-parent… up to the root entity (GLPI's getAncestorsOf). */
  entityAncestors(id: number): number[] {
    const result: number[] = [];
    let current = this.table('Entity').rows.get(id);
    while (current && typeof current.entities_id === 'number' && current.id !== 0) {
      result.push(current.entities_id);
      current = this.table('Entity').rows.get(current.entities_id);
    }
    return result;
  }
}
