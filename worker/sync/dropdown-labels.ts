import { escape } from 'mysql2';
import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { DropdownItemtype } from '../glpi/glpi-schemas';
import { refId, type DropdownRef } from './dropdown-refs';
import type { Labels } from './glpi-rows';

/**
 * The labels of the dropdowns these rows name, from glpi_dropdowns (kept by the server-wide pass):
 * one query per page, whatever the number of dropdown types. An id not (yet) known reads as no
 * label; the server-wide pass fills it in when it reads that dropdown (dropdown-writer.ts).
 */
export async function labelsFor(
  rows: ReadonlyArray<Record<string, unknown>>,
  refs: ReadonlyArray<DropdownRef & { dropdown: DropdownItemtype }>,
  transaction?: Transaction,
): Promise<Labels> {
  const wanted = new Map<DropdownItemtype, Set<number>>();
  for (const ref of refs) {
    for (const row of rows) {
      const id = refId(row, ref.field);
      if (id === null) continue;
      const ids = wanted.get(ref.dropdown) ?? new Set<number>();
      ids.add(id);
      wanted.set(ref.dropdown, ids);
    }
  }
  const found = new Map<string, string | null>();
  if (wanted.size > 0) {
    const where = [...wanted].map(
      ([itemtype, ids]) => `(itemtype = ${escape(itemtype)} AND glpi_id IN (${[...ids].map((id) => escape(id)).join(',')}))`,
    );
    const rowsFound = await sequelize.query<{ itemtype: string; id: number; label: string | null }>(
      `SELECT itemtype, glpi_id AS id, label FROM glpi_dropdowns WHERE deleted_at IS NULL AND (${where.join(' OR ')})`,
      { type: QueryTypes.SELECT, transaction },
    );
    for (const row of rowsFound) found.set(`${row.itemtype}:${Number(row.id)}`, row.label);
  }
  return { of: (dropdown, id) => (id === null ? null : (found.get(`${dropdown}:${id}`) ?? null)) };
}
