import type { Transaction } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { sequelize } from '../../db/sequelize';

export const documentPrefixes = { proforma: 'PF', invoice: 'FA', creditNote: 'AV', receipt: 'REC' } as const;
export type NumberedDocument = keyof typeof documentPrefixes;

/**
 * Takes the next number of a yearly sequence: PF-YYYY-NNNN, FA-YYYY-NNNN, AV-YYYY-NNNN, REC-YYYY-NNNN. The
 * sequence row is locked until the caller's transaction ends, so two invoices issued at the same
 * moment get consecutive numbers, and a rolled-back issue gives its number back: no gap, no reuse.
 * The year is Algiers' calendar year.
 */
export async function takeDocumentNumber(kind: NumberedDocument, transaction: Transaction, now = new Date()): Promise<string> {
  const prefix = documentPrefixes[kind];
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Africa/Algiers' }).format(now));
  // One statement on the caller's connection: inserts the year's row or bumps it, holding the row
  // lock until the transaction ends; LAST_INSERT_ID(expr) hands the new value back to this session.
  await sequelize.query(
    'INSERT INTO document_sequences (kind, year, last_number) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)',
    { replacements: [prefix, year], transaction },
  );
  const [row] = await sequelize.query<{ n: number }>('SELECT LAST_INSERT_ID() AS n', { transaction, type: QueryTypes.SELECT });
  const next = Number(row!.n);
  return `${prefix}-${year}-${String(next).padStart(4, '0')}`;
}
