import { cacheTransaction } from './cache-transaction';
import { z } from 'zod';
import { GlpiNotFoundError, GlpiPermissionError, GlpiSchemaError } from '../glpi/glpi-errors';
import type { GlpiItemtype } from '../glpi/glpi-schemas';
import { listedRowSchema, type ListedRow } from './glpi-rows';
import { glpiDateToUtc } from './glpi-time';
import type { WriteMode } from './pair-writer';
import type { PairRun } from './sync-entity-items';

export type ReconcileOutcome = { deleted: number; refetched: number; fullReread: boolean };

/**
 * Compares the cache with GLPI's (id, date_mod) pairs (`listIdDates`: search with forcedisplay 2
 * and 19; the list for SoftwareLicense, details and dropdowns), or with its ids alone (follow-ups). Cached items GLPI no longer lists were trashed or purged
 * without the incremental read seeing it: marked deleted. Items GLPI lists with another date_mod
 * (or that the cache lacks) are fetched again one by one, or, when there are many, the caller reads
 * the whole list again.
 */
export async function reconcilePair(run: PairRun, mode: WriteMode): Promise<ReconcileOutcome> {
  const { ctx, client, writer } = run;
  const byId = writer.reconcileBy === 'id';
  const glpi = byId
    ? (await client.listIds(writer.itemtype as GlpiItemtype)).map((id) => ({ id, date_mod: null }))
    : await client.listIdDates(writer.itemtype as GlpiItemtype);
  const cached = await writer.cachedIdDates();
  const offset = ctx.options.glpiUtcOffsetMinutes;
  const present = new Set<number>();
  const stale: number[] = [];
  for (const { id, date_mod } of glpi) {
    present.add(id);
    const cachedDate = cached.get(id);
    if (cachedDate === undefined || (!byId && cachedDate !== glpiDateToUtc(date_mod, offset))) stale.push(id);
  }
  const gone = [...cached.keys()].filter((id) => !present.has(id));
  if (gone.length > 0) await cacheTransaction((transaction) => writer.markDeleted(gone, transaction));
  if (stale.length > ctx.options.refetchLimit) return { deleted: gone.length, refetched: 0, fullReread: true };
  const rows: ListedRow[] = [];
  for (const id of stale) {
    const row = await fetchOne(run, id);
    if (row) rows.push(row);
  }
  if (rows.length > 0) {
    const liveMode: WriteMode = { ...mode, trash: false, deletedAt: null };
    const prepared = await writer.prepare(client, rows, liveMode);
    await cacheTransaction((transaction) => writer.write(prepared, liveMode, transaction));
  }
  ctx.logger.info({ entity: run.target.entityId, itemtype: writer.itemtype, gone: gone.length, refetched: rows.length }, 'glpi reconcile');
  return { deleted: gone.length, refetched: rows.length, fullReread: false };
}

async function fetchOne(run: PairRun, id: number): Promise<ListedRow | null> {
  try {
    const response = await run.client.session.request({
      method: 'GET',
      path: `/${run.writer.itemtype}/${id}`,
      query: run.writer.expand
        ? [
            ['expand_dropdowns', 'true'],
            ['get_hateoas', 'false'],
          ]
        : [['get_hateoas', 'false']],
    });
    const parsed = z.array(listedRowSchema).length(1).safeParse([response.body]);
    if (!parsed.success) throw new GlpiSchemaError(run.writer.itemtype, parsed.error.issues, null);
    return parsed.data[0] ?? null;
  } catch (error) {
    // Purged or moved to another entity between the listing and this read: the next reconcile sees it.
    if (error instanceof GlpiNotFoundError || error instanceof GlpiPermissionError) return null;
    throw error;
  }
}
