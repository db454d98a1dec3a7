import type { Transaction } from 'sequelize';
import type { SqlValue } from './glpi-rows';

/** Columns an existing row keeps: its key, and the company its entity belongs to. */
const entityKeyColumns: ReadonlySet<string> = new Set(['glpi_entity_id', 'itemtype', 'glpi_id', 'company_id']);

/**
 * Rows per statement, largest first. mysql2 keeps, for every statement it has prepared on a
 * connection, a definition object per parameter (about 200 bytes each): 256-row statements held
 * 58 MB of them on the worker's 160 MB heap (heap snapshot, 200 entities). Few, small shapes keep
 * that under a megabyte per table and connection, for a few more round trips.
 */
const chunkSizes = [32, 8, 2, 1] as const;

/**
 * One multi-row `INSERT … ON DUPLICATE KEY UPDATE` per chunk, as a prepared statement: the cache's
 * write path, with no per-row round trip. Values travel in MySQL's binary protocol, so nothing
 * escapes them into SQL text and nothing scans that text again (mysql2's `query` looks for `?` in
 * every statement it sends, escaping included: a third of the worker's CPU on a first sync, issue 15).
 * Chunks take one of four sizes (chunkSizes), so that a table is prepared in at most four shapes
 * per connection (the server's prepared statements are a shared, bounded resource).
 * A row that comes back live clears its `deleted_at`; a trashed row keeps the first time it was seen deleted.
 */
export async function upsertRows(
  table: string,
  columns: readonly string[],
  rows: SqlValue[][],
  transaction: Transaction,
  keyColumns: ReadonlySet<string> = entityKeyColumns,
): Promise<void> {
  const updates = columns
    .filter((column) => !keyColumns.has(column))
    .map((column) =>
      column === 'deleted_at'
        ? 'deleted_at = IF(VALUES(deleted_at) IS NULL, NULL, COALESCE(deleted_at, VALUES(deleted_at)))'
        : `${column} = VALUES(${column})`,
    );
  updates.push('updated_at = VALUES(updated_at)');
  const head = `INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES `;
  const tail = ` ON DUPLICATE KEY UPDATE ${updates.join(', ')}`;
  const tuple = `(${columns.map(() => '?').join(',')},UTC_TIMESTAMP(),UTC_TIMESTAMP())`;
  for (let offset = 0; offset < rows.length;) {
    const count = chunkSize(rows.length - offset);
    const values: SqlValue[] = [];
    for (let index = offset; index < offset + count; index += 1) {
      for (const value of rows[index]!) values.push(value);
    }
    await executePrepared(transaction, statementText(head, tuple, count, tail), values);
    offset += count;
  }
}

const statements = new Map<string, string>();

/** The same text for the same shape: mysql2 finds its prepared statement by that text. */
function statementText(head: string, tuple: string, count: number, tail: string): string {
  const key = `${count}:${head}${tail}`;
  let text = statements.get(key);
  if (text === undefined) {
    text = head + Array.from({ length: count }, () => tuple).join(',') + tail;
    statements.set(key, text);
  }
  return text;
}

function chunkSize(remaining: number): number {
  return chunkSizes.find((size) => size <= remaining) ?? 1;
}

/**
 * A prepared statement run on the transaction's own connection (mysql2 prepares each text once per
 * connection and keeps it). Errors keep mysql2's `errno` (cache-transaction.ts retries deadlocks).
 */
function executePrepared(transaction: Transaction, sql: string, values: SqlValue[]): Promise<void> {
  const connection = (
    transaction as unknown as {
      connection: { execute(sql: string, values: SqlValue[], done: (error: Error | null) => void): void };
    }
  ).connection;
  return new Promise((resolve, reject) => connection.execute(sql, values, (error) => (error ? reject(error) : resolve())));
}

/**
 * A statement already escaped, sent as text on the transaction's own connection (small statements
 * of other writers; Sequelize would scan the text for replacements). Errors keep mysql2's `errno`.
 */
export function executeIn(transaction: Transaction, sql: string): Promise<void> {
  const connection = (transaction as unknown as { connection: { query(sql: string, done: (error: Error | null) => void): void } })
    .connection;
  return new Promise((resolve, reject) => connection.query(sql, (error) => (error ? reject(error) : resolve())));
}

export function utcNow(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}
