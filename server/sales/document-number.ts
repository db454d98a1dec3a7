import type { Transaction } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { sequelize } from '../db/sequelize';

export const documentPrefixes = { proforma: 'PF', invoice: 'FA', creditNote: 'AV' } as const;
export type NumberedDocument = keyof typeof documentPrefixes;

/**
 * Takes the next number of a yearly sequence: PF-YYYY-NNNN, FA-YYYY-NNNN, AV-YYYY-NNNN. The
 * sequence row is locked until the caller's transaction ends, so two invoices issued at the same
 * moment get consecutive numbers, and a rolled-back issue gives its number back: no gap, no reuse.
 * The year is Algiers' calendar year.
 */
export async function takeDocumentNumber(kind: NumberedDocument, transaction: Transaction, now = new Date()): Promise<string> {
  const prefix = documentPrefixes[kind];
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Africa/Algiers' }).format(now));
  // Created outside the caller's transaction: concurrent INSERT IGNOREs of the same new row inside
  // transactions would take shared locks and deadlock on the FOR UPDATE below.
  await sequelize.query('INSERT IGNORE INTO document_sequences (kind, year, last_number) VALUES (?, ?, 0)', {
    replacements: [prefix, year],
  });
  const [row] = await sequelize.query<{ last_number: number }>(
    'SELECT last_number FROM document_sequences WHERE kind = ? AND year = ? FOR UPDATE',
    { replacements: [prefix, year], transaction, type: QueryTypes.SELECT },
  );
  const next = row!.last_number + 1;
  await sequelize.query('UPDATE document_sequences SET last_number = ? WHERE kind = ? AND year = ?', {
    replacements: [next, prefix, year],
    transaction,
  });
  return `${prefix}-${year}-${String(next).padStart(4, '0')}`;
}
