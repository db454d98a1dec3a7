import type { GlpiClient } from '../glpi/glpi-client';
import { sequelize } from '../../server/db/sequelize';
import { glpiDateMinusSeconds, glpiDateToUtc } from './glpi-time';
import { readChanges } from './list-changes';
import type { PairWriter, WriteMode } from './pair-writer';
import { reconcilePair } from './reconcile-entity';
import type { PairResult, SyncContext, SyncOptions } from './sync-context';
import { laterOf, loadState, markRunning, recordFailure, recordInterrupted, recordSuccess } from './sync-state-store';
import { utcNow } from './upsert-batch';

export type PairRun = {
  ctx: SyncContext;
  client: GlpiClient;
  target: { companyId: number; entityId: number };
  writer: PairWriter;
  /** Whether events may be recorded (false during the entity's first full sync). */
  eventsAllowed: boolean;
  forceReconcile?: boolean;
  /** Called after each committed page (dashboard figures). */
  afterPage?: () => Promise<void>;
};

/**
 * One cycle of one (entity, item type): read what changed since the watermark (minus an overlap),
 * write each page in one transaction, then move the watermark, only once every page is committed.
 * A quiet cycle is one small request. When the cache no longer counts what GLPI counts, the
 * trash is read (trashing bumps date_mod), and if that does not explain it, ids are reconciled.
 */
export async function syncPair(run: PairRun): Promise<PairResult> {
  const { ctx, target, writer } = run;
  const state = await loadState(target, writer.itemtype);
  const firstSync = state.watermark === null;
  const since = state.watermark === null ? null : glpiDateMinusSeconds(state.watermark, ctx.options.overlapSeconds);
  const result: PairResult = { itemtype: writer.itemtype, firstSync, fetched: 0, items: 0, changed: 0, trashed: 0, reconciled: false, interrupted: false };
  const started = performance.now();
  await markRunning(state, firstSync);
  try {
    const mode: WriteMode = {
      firstSync, trash: false, events: run.eventsAllowed && !firstSync, deletedAt: null, watermark: state.watermark,
      watermarkRecent: isRecent(state.watermark, state.lastSuccessAt, ctx.options),
    };
    const live = await readInto(run, state, since, mode, result);
    if (live.interrupted) {
      result.interrupted = true;
      await recordInterrupted(state);
      return result;
    }
    let watermark = laterOf(state.watermark, live.newest);
    let cached = await writer.liveCount();
    if (!firstSync && cached !== live.total && writer.hasTrash !== false) {
      const trashMode: WriteMode = { ...mode, trash: true, deletedAt: utcNow() };
      const trash = await readInto(run, null, since, trashMode, result, 'trash');
      if (trash.interrupted) {
        result.interrupted = true;
        await recordInterrupted(state);
        return result;
      }
      watermark = laterOf(watermark, trash.newest);
      cached = await writer.liveCount();
    }
    const due = !firstSync && (state.cycleCount + 1) % ctx.options.reconcileEvery === 0;
    if (cached !== live.total || due || run.forceReconcile) {
      const outcome = await reconcilePair(run, mode);
      result.reconciled = true;
      result.changed += outcome.refetched;
      result.trashed += outcome.deleted;
      if (outcome.fullReread) {
        const full = await readInto(run, null, null, { ...mode, firstSync: false }, result);
        if (full.interrupted) {
          result.interrupted = true;
          await recordInterrupted(state);
          return result;
        }
      }
    }
    await recordSuccess(state, { watermark, durationMs: performance.now() - started, items: result.items, reconciled: result.reconciled });
    return result;
  } catch (error) {
    await recordFailure(state, error);
    throw error;
  }
}

type ReadOutcome = { newest: string | null; total: number; interrupted: boolean };

async function readInto(
  run: PairRun, state: Awaited<ReturnType<typeof loadState>> | null, since: string | null, mode: WriteMode,
  result: PairResult, list: 'live' | 'trash' = 'live',
): Promise<ReadOutcome> {
  const { ctx, client, writer } = run;
  await writer.beforeRead?.(client, mode);
  const pages = readChanges(client, writer.itemtype, {
    since, trash: list === 'trash', expand: true, overlap: ctx.options.overlapRows, pageSize: ctx.options.pageSize,
    firstPageSize: since === null ? ctx.options.pageSize : ctx.options.firstPageSize,
  });
  let newest: string | null = null;
  let total = 0;
  let done = 0;
  for await (const page of pages) {
    newest = laterOf(newest, page.newest);
    total = page.total;
    result.fetched += page.fetched;
    if (page.rows.length > 0) {
      const prepared = await writer.prepare(client, page.rows, mode);
      done += page.rows.length;
      await sequelize.transaction(async (transaction) => {
        result.changed += await writer.write(prepared, mode, transaction);
        if (state && mode.firstSync) {
          await state.update({ progressDone: done, progressTotal: Math.max(page.total, done) }, { transaction });
        }
      });
      if (list === 'trash') result.trashed += page.rows.length;
      else result.items += page.rows.length;
      await run.afterPage?.();
    }
    // SIGTERM: the page above is committed; the watermark stays, so the next run reads again from it.
    if (ctx.stop.stopping) return { newest, total, interrupted: true };
  }
  return { newest, total, interrupted: false };
}

function isRecent(watermark: string | null, lastSuccessAt: Date | null, options: SyncOptions): boolean {
  const utc = glpiDateToUtc(watermark, options.glpiUtcOffsetMinutes);
  if (!utc || !lastSuccessAt) return false;
  // The margin covers the clock difference between GLPI and the worker.
  return lastSuccessAt.getTime() - Date.parse(`${utc.replace(' ', 'T')}Z`) < options.overlapSeconds * 1000;
}
