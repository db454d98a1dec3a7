import { GlpiSyncState } from '../../server/db/models';
import type { SyncTarget } from './sync-context';

/** The state row of a pair, created on first use. */
export async function loadState(target: SyncTarget, itemtype: string): Promise<GlpiSyncState> {
  const where = { glpiEntityId: target.entityId, itemtype };
  // findOrCreate wraps its SELECT in a transaction: three statements per pair and cycle, for a row
  // that exists from the pair's first cycle on.
  const state =
    (await GlpiSyncState.findOne({ where })) ??
    (
      await GlpiSyncState.findOrCreate({
        where,
        // Every column named: a created instance keeps what it was given, not the table's defaults,
        // and the sync compares these with null (an omitted one would read undefined).
        defaults: {
          ...where,
          companyId: target.companyId,
          watermark: null,
          readFrom: null,
          lastSuccessAt: null,
          lastAttemptAt: null,
          lastDurationMs: null,
          lastItems: null,
          lastFullReconcileAt: null,
          lastError: null,
          lastErrorAt: null,
          runningSince: null,
          progressDone: null,
          progressTotal: null,
        },
      })
    )[0];
  if (state.companyId !== target.companyId) await state.update({ companyId: target.companyId });
  return state;
}

export async function markRunning(state: GlpiSyncState, firstSync: boolean): Promise<void> {
  const now = new Date();
  await state.update({
    runningSince: now,
    lastAttemptAt: now,
    ...(firstSync ? { progressDone: 0, progressTotal: null } : {}),
  });
}

export async function recordSuccess(
  state: GlpiSyncState,
  result: { watermark: string | null; readFrom: string; durationMs: number; items: number; reconciled: boolean },
): Promise<void> {
  const now = new Date();
  await state.update({
    watermark: result.watermark,
    readFrom: result.readFrom,
    lastSuccessAt: now,
    lastDurationMs: Math.round(result.durationMs),
    lastItems: result.items,
    lastError: null,
    lastErrorAt: null,
    cycleCount: state.cycleCount + 1,
    runningSince: null,
    ...(result.reconciled ? { lastFullReconcileAt: now } : {}),
  });
}

/** A pass stopped by SIGTERM: nothing is wrong, the read simply starts again where it was. */
export async function recordInterrupted(state: GlpiSyncState): Promise<void> {
  await state.update({ runningSince: null });
}

export async function recordFailure(state: GlpiSyncState, error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await state.update({ lastError: message.slice(0, 2_000), lastErrorAt: new Date(), runningSince: null });
}

/** GLPI text comparison works because the format is fixed-width. */
export function laterOf(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return b > a ? b : a;
}
