import { GlpiCompanyLink } from '../../server/db/models';
import { refreshDashboard } from '../../server/glpi-cache/dashboard-aggregates';
import type { GlpiClient } from '../glpi/glpi-client';
import { companyEntityScope } from '../glpi/glpi-session-pool';
import { isAssetDetailItemtype } from '../glpi/glpi-schemas';
import { assetDetailWriter, assetWriter } from './asset-writer';
import { isUnavailable } from './circuit-breaker';
import type { CircuitBreaker } from './circuit-breaker';
import { dropdownWriter } from './dropdown-writer';
import { ownRowsOnly } from './entity-ownership';
import type { PairWriter } from './pair-writer';
import { recordRun } from './record-run';
import {
  serverWideItemtypes,
  serverWideTarget,
  syncedItemtypes,
  type CompanyTarget,
  type PairResult,
  type ServerWideItemtype,
  type SyncContext,
  type SyncedItemtype,
} from './sync-context';
import type { SyncScope } from './sync-scheduler';
import { syncPair } from './sync-entity-items';
import { followupWriter, routeStrayFollowups } from './sync-followups';
import { acquireSyncLock } from './sync-lock';
import { linkStillHolds } from './check-link';
import { solutionWriter } from './sync-solutions';
import { documentWriter } from './sync-documents';
import { fetchDocumentFiles } from './fetch-document-files';
import { ticketWriter } from './sync-tickets';
import { reconcileTicketItems, ticketItemsRead } from './ticket-items';

export type CompanySyncInput = { companyId: number; itemtype?: SyncedItemtype; scope?: SyncScope; forceReconcile?: boolean };
export type CycleResult =
  | { status: 'skipped'; reason: 'not-linked' | 'already-running' | 'link-lost' }
  | {
      status: 'done' | 'interrupted';
      entityId: number;
      pairs: PairResult[];
      failures: Array<{ itemtype: string; error: string }>;
      requests: number;
    };
export type CompanySyncResult = CycleResult;

type Ctx = SyncContext & { breaker: CircuitBreaker };

/**
 * What each scope reads, for a company and server-wide: tickets and their answers often, the park
 * less. A company's scope runs in phases, the types of a phase at once. An asset's row carries its
 * OS and warranty, rewritten from glpi_asset_details by each transaction that touches either side;
 * two such transactions at once would each miss the other's uncommitted rows (and a detail writer
 * clears what it does not see), so the assets come first, then each detail type alone.
 */
const companyScopes: Record<SyncScope, ReadonlyArray<readonly SyncedItemtype[]>> = {
  assets: [
    syncedItemtypes.filter((itemtype) => itemtype !== 'Ticket' && !isAssetDetailItemtype(itemtype)),
    ...syncedItemtypes.filter(isAssetDetailItemtype).map((itemtype) => [itemtype]),
  ],
  tickets: [['Ticket']],
};
const serverScopes: Record<SyncScope, readonly ServerWideItemtype[]> = {
  // The users and categories new tickets name, then the answers.
  tickets: ['ITILCategory', 'User', 'ITILFollowup', 'ITILSolution', 'Document_Item'],
  assets: serverWideItemtypes.filter(
    (itemtype) => !['ITILCategory', 'User', 'ITILFollowup', 'ITILSolution', 'Document_Item'].includes(itemtype),
  ),
};
const scopeOf = (itemtype: SyncedItemtype): SyncScope => (itemtype === 'Ticket' ? 'tickets' : 'assets');

/**
 * One sync cycle of a company's GLPI entity: a scope (tickets, or the park), or both, each item
 * type with its own state, so that one type failing on a refusal or a schema surprise does not
 * block the others. GLPI not answering ends the cycle at once (the circuit breaker counts it). The
 * dashboard figures are recomputed after each page (at most once per `aggregatesMinIntervalMs`)
 * and after the last one. Each scope has its own lock: tickets keep their minute while a large
 * park is being read.
 */
export async function syncCompany(ctx: Ctx, input: CompanySyncInput): Promise<CycleResult> {
  const link = await GlpiCompanyLink.findByPk(input.companyId);
  if (!link || link.glpiEntityId === null || link.provisioningState !== 'done' || link.identityLostAt)
    return { status: 'skipped', reason: 'not-linked' };
  const target: CompanyTarget = { companyId: input.companyId, entityId: link.glpiEntityId };
  const checkedAt = new Date();
  const holds = await linkStillHolds(ctx, link as typeof link & { glpiEntityId: number }).catch(async (error: unknown) => {
    // GLPI unreachable at the cycle's first request: a failed cycle on the monitor, like any other.
    await recordRun(target, { startedAt: checkedAt, requests: 1, pairs: [], status: 'failed', error });
    throw error;
  });
  if (!holds) return { status: 'skipped', reason: 'link-lost' };
  let lastRefresh = 0;
  let pending = false;
  const refresh = async () => {
    pending = false;
    lastRefresh = Date.now();
    await refreshDashboard(target.companyId).catch((error: unknown) => ctx.logger.warn({ err: error }, 'dashboard refresh failed'));
  };
  const afterPage = async () => {
    pending = true;
    if (Date.now() - lastRefresh >= ctx.options.aggregatesMinIntervalMs) await refresh();
  };
  const scopes: SyncScope[] = input.itemtype ? [scopeOf(input.itemtype)] : input.scope ? [input.scope] : ['assets', 'tickets'];
  let results: CycleResult[];
  try {
    // Each scope has its own lock and state: a first sync reads the park and the tickets at once.
    results = await Promise.all(
      scopes.map((scope) =>
        runCycle(ctx, target, `${input.companyId}:${scope}`, (client, run) =>
          inPhases(input.itemtype ? [[input.itemtype]] : companyScopes[scope], ctx, (itemtype) =>
            run(itemtype, async () => {
              const pair = await syncPair({
                ctx,
                client,
                target,
                writer: writerOf(ctx, target, itemtype),
                eventsAllowed: itemtype === 'Ticket',
                forceReconcile: input.forceReconcile ?? false,
                afterPage,
              });
              // Rows the reconcile marked deleted came in no page: the figures change all the same.
              if (pair.changed > 0 || pair.trashed > 0) pending = true;
              if (itemtype === 'Ticket') {
                await routeStrayFollowups(target);
                // GLPI's whole link list, where per-ticket reads cannot see everything (ticket-items.ts).
                if (!pair.interrupted && (pair.firstSync || pair.reconciled || !(await ticketItemsRead(target)))) {
                  await reconcileTicketItems(client, target, ctx.options.pageSize);
                }
              }
              return pair;
            }),
          ),
        ),
      ),
    );
  } finally {
    // A quiet cycle wrote nothing: the figures in Redis are still right (readDashboard rebuilds them if gone).
    if (pending) await refresh();
  }
  return mergeResults(results);
}

/**
 * The reads every client shares, done once for the whole GLPI server: dropdown tables and
 * follow-ups (which GLPI lists server-wide whatever the active entity). Scoped to the clients'
 * parent entity, recursively.
 */
export async function syncServerWide(ctx: Ctx, scope?: SyncScope): Promise<CycleResult> {
  const target = { ...serverWideTarget };
  const results: CycleResult[] = [];
  for (const each of scope ? [scope] : (['assets', 'tickets'] as const)) {
    results.push(
      await runCycle(
        ctx,
        target,
        `server:${each}`,
        (client, run) =>
          eachAtOnce(serverScopes[each], ctx, (itemtype) =>
            run(itemtype, async () => {
              const pair = await syncPair({
                ctx,
                client,
                target,
                writer: serverWideWriter(ctx, itemtype),
                eventsAllowed: itemtype === 'ITILFollowup',
              });
              if (itemtype === 'ITILFollowup') await routeStrayFollowups('all');
              // The files clients may now see, fetched on the same session (the web never calls GLPI).
              if (itemtype === 'Document_Item') await fetchDocumentFiles(client);
              return pair;
            }),
          ),
        { entityId: ctx.options.parentEntityId, recursive: true },
      ),
    );
  }
  return mergeResults(results);
}

/** Each phase after the one before has ended; none after SIGTERM or a failure. */
async function inPhases<T>(phases: ReadonlyArray<readonly T[]>, ctx: SyncContext, work: (item: T) => Promise<void>): Promise<void> {
  for (const phase of phases) {
    if (ctx.stop.stopping) return;
    await eachAtOnce(phase, ctx, work);
  }
}

/**
 * The item types of a cycle, `pairConcurrency` at a time (each pair has its own state). None starts
 * after SIGTERM or once one has thrown (GLPI unreachable), and the cycle ends only when every
 * running one has: nothing is written after the cycle gives its lock back.
 */
async function eachAtOnce<T>(items: readonly T[], ctx: SyncContext, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  await Promise.all(
    Array.from({ length: Math.min(ctx.options.pairConcurrency, items.length) }, async () => {
      while (next < items.length && !ctx.stop.stopping && failure === null) {
        try {
          await work(items[next++]!);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure) throw (failure as { error: unknown }).error;
}

/** One result for the scopes of a cycle: skipped only when every scope was. */
function mergeResults(results: CycleResult[]): CycleResult {
  const ran = results.filter((result): result is Extract<CycleResult, { status: 'done' | 'interrupted' }> => result.status !== 'skipped');
  if (ran.length === 0) return results[0] ?? { status: 'skipped', reason: 'already-running' };
  return {
    status: ran.some((result) => result.status === 'interrupted') ? 'interrupted' : 'done',
    entityId: ran[0]!.entityId,
    pairs: ran.flatMap((result) => result.pairs),
    failures: ran.flatMap((result) => result.failures),
    requests: ran.reduce((sum, result) => sum + result.requests, 0),
  };
}

type PairRunner = (itemtype: string, pass: () => Promise<PairResult>) => Promise<void>;

/** Lock, session, circuit breaker and the run's record around the pairs of one cycle. */
async function runCycle(
  ctx: Ctx,
  target: { companyId: number | null; entityId: number },
  lockScope: string,
  pairsOf: (client: GlpiClient, run: PairRunner) => Promise<void>,
  scope: { entityId: number; recursive: boolean } = { entityId: target.entityId, ...companyEntityScope },
): Promise<CycleResult> {
  const lock = await acquireSyncLock(lockScope, ctx.options.lockTtlMs);
  if (!lock) return { status: 'skipped', reason: 'already-running' };
  const startedAt = new Date();
  const pairs: PairResult[] = [];
  const failures: Array<{ itemtype: string; error: string }> = [];
  let requests = 0;
  try {
    await ctx.breaker.run(() =>
      ctx.pool.withEntity(
        scope.entityId,
        async (client) => {
          const before = client.session.requestCount;
          try {
            await pairsOf(client, async (itemtype, pass) => {
              try {
                pairs.push(await pass());
              } catch (error) {
                if (isUnavailable(error)) throw error;
                ctx.logger.error({ err: error, companyId: target.companyId, itemtype }, 'glpi sync of an item type failed');
                failures.push({ itemtype, error: error instanceof Error ? error.message : String(error) });
              }
            });
          } finally {
            requests = client.session.requestCount - before;
          }
        },
        { recursive: scope.recursive },
      ),
    );
  } catch (error) {
    await recordRun(target, { startedAt, requests, pairs, status: 'failed', error });
    throw error;
  } finally {
    await lock.release();
  }
  const interrupted = ctx.stop.stopping || pairs.some((pair) => pair.interrupted);
  const status = interrupted ? 'interrupted' : 'done';
  await recordRun(target, {
    startedAt,
    requests,
    pairs,
    status: failures.length > 0 ? 'failed' : status,
    error: failures.map((f) => `${f.itemtype}: ${f.error}`).join('; ') || null,
  });
  return { status, entityId: target.entityId, pairs, failures, requests };
}

function serverWideWriter(ctx: SyncContext, itemtype: ServerWideItemtype) {
  if (itemtype === 'ITILFollowup') return followupWriter(ctx);
  if (itemtype === 'ITILSolution') return solutionWriter(ctx);
  if (itemtype === 'Document_Item') return documentWriter(ctx);
  return dropdownWriter(ctx, itemtype);
}

function writerOf(ctx: SyncContext, target: CompanyTarget, itemtype: SyncedItemtype): PairWriter {
  if (itemtype === 'Ticket') return ownRowsOnly<unknown>(target, ticketWriter(ctx, target));
  return ownRowsOnly<unknown>(
    target,
    isAssetDetailItemtype(itemtype) ? assetDetailWriter(ctx, target, itemtype) : assetWriter(ctx, target, itemtype),
  );
}
