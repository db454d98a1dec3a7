import type { Transaction } from 'sequelize';
import { sequelize } from '../../server/db/sequelize';

const retried = new Set([1213, 1205]); // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
const attempts = 5;

/**
 * A write to the cache in one transaction, run again when InnoDB chose it as a deadlock victim:
 * company syncs and the server-wide reads (which write dropdown labels onto every company's rows)
 * touch the same tables at once, and InnoDB resolves a lock cycle by rolling one of them back
 * ("try restarting transaction"). Every write here is an upsert or an update by key, so running it
 * again gives the same rows.
 */
export async function cacheTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sequelize.transaction(work);
    } catch (error) {
      // Sequelize wraps mysql2's error in `parent`; statements sent on the raw connection (upsert-batch.ts) throw it bare.
      const failure = error as { errno?: number; parent?: { errno?: number } };
      const errno = failure.parent?.errno ?? failure.errno;
      if (errno === undefined || !retried.has(errno) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50 * attempt));
    }
  }
}
