import type { Model, ModelStatic, Transaction, WhereOptions } from 'sequelize';
import { publishInvalidation, type Invalidation } from './invalidation-bus';

type HookOptions = { transaction?: Transaction | null; where?: WhereOptions; attributes?: Record<string, unknown> };

/** After the outermost transaction commits (or now, without one): before, another process could reload the old row. */
async function whenCommitted(options: HookOptions, publish: () => Promise<void>): Promise<void> {
  let transaction = options.transaction ?? null;
  while (transaction && (transaction as Transaction & { parent?: Transaction }).parent) {
    transaction = (transaction as Transaction & { parent?: Transaction }).parent!;
  }
  if (transaction) transaction.afterCommit(() => publish());
  else await publish();
}

/** The values of `field` a bulk statement's `where` limits it to, or null when it may touch any row. */
function idsOf(where: WhereOptions | undefined, field: string): number[] | null {
  const value = (where as Record<string, unknown> | undefined)?.[field];
  if (typeof value === 'number') return [value];
  if (Array.isArray(value) && value.every((id) => typeof id === 'number')) return value as number[];
  return null;
}

/** A bulk update or delete concerns the rows its `where` names, and for an update those it moves to a new value. */
function bulkIds(options: HookOptions, field: string): number[] | null {
  const named = idsOf(options.where, field);
  const moved = options.attributes?.[field];
  if (named === null || (moved !== undefined && typeof moved !== 'number')) return null;
  return typeof moved === 'number' ? [...named, moved] : named;
}

/**
 * Publishes, for every write to a model, which local cache entries it makes stale: `topic` names
 * them by the value of `field` on the written rows (a user's id, a subscription's company).
 */
export function invalidateOnWrite<M extends Model>(model: ModelStatic<M>, topic: 'user' | 'company', field: string): void {
  const publishIds = (ids: Array<number | null> | null, options: HookOptions) =>
    whenCommitted(options, async () => {
      if (ids === null) return publishInvalidation({ topic: 'all' });
      for (const id of new Set(ids)) if (id !== null) await publishInvalidation({ topic, id } as Invalidation);
    });
  const fieldOf = (row: M) => (row.get(field) as number | null) ?? null;
  model.addHook('afterCreate', (row: M, options: HookOptions) => publishIds([fieldOf(row)], options));
  model.addHook('afterUpdate', (row: M, options: HookOptions) =>
    publishIds([fieldOf(row), (row.previous(field) as number | null) ?? null], options),
  );
  model.addHook('afterDestroy', (row: M, options: HookOptions) => publishIds([fieldOf(row)], options));
  model.addHook('afterBulkCreate', (rows: M[], options: HookOptions) => publishIds(rows.map(fieldOf), options));
  const bulk = (options: HookOptions) => publishIds(bulkIds(options, field), options);
  model.addHook('afterBulkUpdate', bulk);
  model.addHook('afterBulkDestroy', bulk);
}
