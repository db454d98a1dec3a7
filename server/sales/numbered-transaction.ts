import type { Transaction } from 'sequelize';
import { sequelize } from '../db/sequelize';
import type { NumberedDocument } from './document-number';

const tails = new Map<NumberedDocument, Promise<unknown>>();

/**
 * A transaction that takes a document number. Issues of one kind are serialized by the database
 * anyway (the sequence row is locked until commit), so queueing them in-process costs nothing,
 * and it matters: takeDocumentNumber needs a second pool connection for its INSERT IGNORE while
 * the caller's transaction holds one, so many parallel issues could take every connection and
 * wait for a last one forever. Other processes have their own pools; the row lock orders them.
 */
export function numberedTransaction<T>(kind: NumberedDocument, work: (t: Transaction) => Promise<T>): Promise<T> {
  const previous = tails.get(kind) ?? Promise.resolve();
  const run = previous.then(
    () => sequelize.transaction(work),
    () => sequelize.transaction(work),
  );
  const tail = run.catch(() => undefined);
  tails.set(kind, tail);
  void tail.then(() => {
    if (tails.get(kind) === tail) tails.delete(kind);
  });
  return run;
}
