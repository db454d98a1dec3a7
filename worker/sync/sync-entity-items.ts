import { cacheTransaction } from './cache-transaction';
import type { GlpiClient } from '../glpi/glpi-client';
import type { GlpiItemtype } from '../glpi/glpi-schemas';
import type { ListedRow } from './glpi-rows';
import { glpiDateMinusSeconds } from './glpi-time';
import { readChanges, type ChangesPage } from './list-changes';
import { readWholeList } from './read-whole-list';
import { nextReadFrom } from './next-read-from';
import type { PairWriter, WriteMode } from './pair-writer';
import { reconcilePair } from './reconcile-entity';
import type { PairResult, SyncContext, SyncTarget } from './sync-context';
import { laterOf, loadState, markRunning, recordFailure, recordInterrupted, recordSuccess } from './sync-state-store';
import { utcNow } from './upsert-batch';

export type PairRun = {
  ctx: SyncContext;
  client: GlpiClient;
  target: SyncTarget;
  writer: PairWriter;
  /** Whether events may be recorded (false during the entity's first full sync). */
  eventsAllowed: boolean;
  forceReconcile?: boolean;
  /** Called after each committed page that changed the cache (dashboard figures). */
  afterPage?: () => Promise<void>;
};

/**
 * One cycle of one (entity, item type): read what changed since `read_from`, write each page in one
 * transaction, then move `read_from`, only once every page is committed. A quiet cycle is one small
 * request. When the cache no longer counts what GLPI counts, the trash is read (trashing bumps
 * date_mod), and if that does not explain it, ids are reconciled.
 */
export async function syncPair(run: PairRun): Promise<PairResult> {
  if (run.writer.wholeTable) return syncWholeTable(run);
  const { ctx, target, writer } = run;
  const state = await loadState(target, writer.itemtype);
  const firstSync = state.readFrom === null;
  const since = state.readFrom;
  const result: PairResult = {
    itemtype: writer.itemtype,
    firstSync,
    fetched: 0,
    items: 0,
    changed: 0,
    trashed: 0,
    reconciled: false,
    interrupted: false,
  };
  const started = performance.now();
  await markRunning(state, firstSync);
  const interrupted = async () => {
    result.interrupted = true;
    await recordInterrupted(state);
    return result;
  };
  try {
    const mode: WriteMode = { firstSync, trash: false, events: run.eventsAllowed && !firstSync, deletedAt: null };
    const live = await readInto(run, state, since, mode, result);
    if (live.interrupted) return await interrupted();
    let newest = live.newest;
    let cached = await writer.liveCount();
    if (!firstSync && cached !== live.total && writer.hasTrash !== false) {
      const trash = await readInto(run, null, since, { ...mode, trash: true, deletedAt: utcNow() }, result, 'trash');
      if (trash.interrupted) return await interrupted();
      newest = laterOf(newest, trash.newest);
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
        if (full.interrupted) return await interrupted();
      }
    }
    // A first read of an empty list wrote no page: its progress is complete all the same.
    if (firstSync && state.progressTotal === null) await state.update({ progressDone: result.items, progressTotal: result.items });
    const next = nextReadFrom({ since, newest, startedAt: live.startedAt }, ctx.options.overlapSeconds);
    if (!next.clockTrusted && live.startedAt !== null && newest !== null && newest > glpiDateMinusSeconds(live.startedAt, -300)) {
      ctx.logger.warn(
        { itemtype: writer.itemtype, newest, glpiClock: live.startedAt },
        'GLPI lists rows newer than its own clock: check GLPI_UTC_OFFSET_MINUTES',
      );
    }
    await recordSuccess(state, {
      watermark: laterOf(state.watermark, newest),
      readFrom: next.readFrom,
      durationMs: performance.now() - started,
      items: result.items,
      reconciled: result.reconciled,
    });
    return result;
  } catch (error) {
    await recordFailure(state, error);
    throw error;
  }
}

/** A table GLPI keeps no date_mod for: read whole (a few rows), written where it changed, rows gone deleted. */
async function syncWholeTable(run: PairRun): Promise<PairResult> {
  const { client, target, writer } = run;
  const state = await loadState(target, writer.itemtype);
  const result: PairResult = {
    itemtype: writer.itemtype,
    firstSync: state.readFrom === null,
    fetched: 0,
    items: 0,
    changed: 0,
    trashed: 0,
    reconciled: true,
    interrupted: false,
  };
  const started = performance.now();
  await markRunning(state, result.firstSync);
  try {
    const rows: ListedRow[] = [];
    for await (const page of client.pages(writer.itemtype as GlpiItemtype, { sort: 'id' })) rows.push(...(page.items as ListedRow[]));
    result.fetched = rows.length;
    const mode: WriteMode = { firstSync: result.firstSync, trash: false, events: false, deletedAt: null };
    const prepared = await writer.prepare(client, rows, mode);
    const listed = new Set(rows.map((row) => row.id));
    const gone = [...(await writer.cachedIdDates()).keys()].filter((id) => !listed.has(id));
    await cacheTransaction(async (transaction) => {
      result.changed = await writer.write(prepared, mode, transaction);
      await writer.markDeleted(gone, transaction);
      if (result.firstSync) await state.update({ progressDone: rows.length, progressTotal: rows.length }, { transaction });
    });
    result.items = rows.length;
    result.trashed = gone.length;
    await recordSuccess(state, {
      watermark: null,
      readFrom: utcNow(),
      durationMs: performance.now() - started,
      items: result.items,
      reconciled: true,
    });
    return result;
  } catch (error) {
    await recordFailure(state, error);
    throw error;
  }
}

type ReadResult = { newest: string | null; startedAt: string | null; total: number; interrupted: boolean };

async function readInto(
  run: PairRun,
  state: Awaited<ReturnType<typeof loadState>> | null,
  since: string | null,
  mode: WriteMode,
  result: PairResult,
  list: 'live' | 'trash' = 'live',
): Promise<ReadResult> {
  const { ctx, client, writer } = run;
  await writer.beforeRead?.(client, mode);
  const sizes = {
    expand: writer.expand,
    overlap: ctx.options.overlapRows,
    pageSize: ctx.options.pageSize,
    utcOffsetMinutes: ctx.options.glpiUtcOffsetMinutes,
  };
  // Everything (a first sync, a full re-read): windows by id, several asked at once.
  const pages =
    since === null && list === 'live'
      ? readWholeList(client, writer.itemtype, { ...sizes, readAhead: ctx.options.readAhead })
      : readChanges(client, writer.itemtype, {
          ...sizes,
          since,
          trash: list === 'trash',
          maxPageSize: ctx.options.maxPageSize,
          firstPageSize: ctx.options.firstPageSize,
        });
  const outcome: ReadResult = { newest: null, startedAt: null, total: 0, interrupted: false };
  let done = 0;
  const writePage = async (page: ChangesPage) => {
    outcome.newest = laterOf(outcome.newest, page.newest);
    outcome.startedAt ??= page.startedAt;
    outcome.total = page.total;
    result.fetched += page.fetched;
    if (page.rows.length === 0) return;
    const prepared = await writer.prepare(client, page.rows, mode);
    done += page.rows.length;
    const changed = await cacheTransaction(async (transaction) => {
      const written = await writer.write(prepared, mode, transaction);
      if (state && mode.firstSync) {
        await state.update({ progressDone: done, progressTotal: Math.max(page.total, done) }, { transaction });
      }
      return written;
    });
    result.changed += changed;
    if (list === 'trash') result.trashed += page.rows.length;
    else result.items += page.rows.length;
    // Rows read again in the overlap, unchanged, leave the dashboard as it is.
    if (changed > 0 || list === 'trash') await run.afterPage?.();
  };
  // The next window is asked of GLPI while this one is written, so GLPI's time and MySQL's overlap
  // (the reader's next window depends only on what GLPI answered, never on the writes). A window
  // asked ahead and not written (SIGTERM, a failed write) is dropped with its outcome.
  let ahead = pages.next();
  try {
    for (let step = await ahead; !step.done; step = await ahead) {
      ahead = pages.next();
      await writePage(step.value);
      // SIGTERM: the page above is committed; read_from stays, so the next run reads again from it.
      if (ctx.stop.stopping) {
        ahead.catch(() => undefined);
        return { ...outcome, interrupted: true };
      }
    }
  } catch (error) {
    ahead.catch(() => undefined);
    throw error;
  }
  return outcome;
}
