import { escape } from 'mysql2';
import { QueryTypes, type Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';
import type { SqlValue } from './glpi-rows';

/** Rows per statement: small enough that no statement text becomes a large, slowly collected string. */
const rowsPerStatement = 250;

/**
 * One multi-row `INSERT … ON DUPLICATE KEY UPDATE` per chunk: the cache's write path, with no
 * per-row round trip. Values are escaped by mysql2 itself (no Sequelize replacement parsing of a
 * megabyte-long statement). A row that comes back live clears its `deleted_at`; a trashed row keeps
 * the first time it was seen deleted.
 */
export async function upsertRows(
  table: string, columns: readonly string[], rows: SqlValue[][], transaction: Transaction,
): Promise<void> {
  const keyColumns = new Set(['glpi_entity_id', 'itemtype', 'glpi_id', 'company_id']);
  const updates = columns
    .filter((column) => !keyColumns.has(column))
    .map((column) => column === 'deleted_at'
      ? 'deleted_at = IF(VALUES(deleted_at) IS NULL, NULL, COALESCE(deleted_at, VALUES(deleted_at)))'
      : `${column} = VALUES(${column})`);
  updates.push('updated_at = VALUES(updated_at)');
  const head = `INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES `;
  const tail = ` ON DUPLICATE KEY UPDATE ${updates.join(', ')}`;
  for (let offset = 0; offset < rows.length; offset += rowsPerStatement) {
    const chunk = rows.slice(offset, offset + rowsPerStatement);
    const values = chunk.map((row) => `(${row.map((value) => escape(value)).join(',')},UTC_TIMESTAMP(),UTC_TIMESTAMP())`);
    await sequelize.query(head + values.join(',') + tail, { transaction, type: QueryTypes.INSERT });
  }
}

export function utcNow(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}
