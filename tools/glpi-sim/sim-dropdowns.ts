import { foreignKeyTables, treeParentKeys, type DropdownType } from './sim-itemtypes';
import type { Row, Scalar, Store } from './sim-store';

/**
 * Writes to dropdown tables as GLPI's CommonDropdown / CommonTreeDropdown do them: a tree row gets
 * its completename, level and ancestors from its parent; renaming or moving it rewrites the complete
 * names below it **without** touching their date_mod (CommonTreeDropdown::regenerateTreeUnderID
 * updates the column directly), and purging it sets every reference to it back to 0 through a normal
 * update of the referencing row, which does bump that row's date_mod.
 */
export function insertDropdown(store: Store, itemtype: DropdownType, fields: Record<string, Scalar>): Row {
  const row = store.insert(itemtype, fields);
  if (treeParentKeys[itemtype]) placeInTree(store, itemtype, row);
  return row;
}

/** After a change of name or parent: this row's place in the tree, then its descendants' complete names. */
export function refreshTree(store: Store, itemtype: DropdownType, row: Row): void {
  const parentKey = treeParentKeys[itemtype];
  if (!parentKey) return;
  placeInTree(store, itemtype, row);
  const table = store.table(itemtype);
  for (const child of table.rows.values()) {
    if (child.id !== row.id && child[parentKey] === row.id) refreshTree(store, itemtype, child);
  }
}

function placeInTree(store: Store, itemtype: DropdownType, row: Row): void {
  const parentKey = treeParentKeys[itemtype] ?? '';
  const table = store.table(itemtype);
  const parentId = Number(table.value(row, parentKey) ?? 0);
  const parent = parentId > 0 ? table.rows.get(parentId) : undefined;
  const name = String(table.value(row, 'name') ?? '');
  if (!parent) {
    Object.assign(row, { [parentKey]: 0, completename: name, level: 1, ancestors_cache: '[]' });
    return;
  }
  // A root row's cache is "[]", a child's an object keyed by ancestor id: {"1":1,"4":4}.
  const inherited = Object.values(JSON.parse(String(table.value(parent, 'ancestors_cache') ?? '[]')) as Record<string, number>);
  const ancestors = [...inherited, parentId];
  Object.assign(row, {
    completename: `${String(table.value(parent, 'completename') ?? '')} > ${name}`,
    level: Number(table.value(parent, 'level') ?? 1) + 1,
    ancestors_cache: JSON.stringify(Object.fromEntries(ancestors.map((id) => [String(id), id]))),
  });
}

/** Rows of other tables that named the purged dropdown now say 0, stamped like any update. */
export function clearReferences(store: Store, itemtype: DropdownType, id: number, stamp: string): void {
  const keys = Object.entries(foreignKeyTables)
    .filter(([, target]) => target === itemtype)
    .map(([key]) => key);
  const parentKey = treeParentKeys[itemtype];
  for (const [type, table] of store.tables) {
    const own = type === itemtype && parentKey ? [parentKey] : [];
    const columns = [...keys, ...own].filter((key) => table.columns.has(key));
    if (columns.length === 0) continue;
    for (const row of table.rows.values()) {
      const hits = columns.filter((key) => row[key] === id);
      if (hits.length === 0) continue;
      for (const key of hits) row[key] = 0;
      if (table.columns.has('date_mod')) row.date_mod = stamp;
      if (type === itemtype) refreshTree(store, itemtype, row);
    }
  }
}
