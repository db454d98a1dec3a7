import type { Logger } from 'pino';
import type { GlpiSessionPool } from '../glpi/glpi-session-pool';
import { assetDetailItemtypes, type AssetDetailItemtype, type AssetItemtype } from '../glpi/glpi-schemas';

export type SyncOptions = {
  /** Rows per list request after the first one (GLPI-API.md: 20-30 ms per page whatever its size). */
  pageSize: number;
  /** The first request of an incremental read: a quiet cycle costs this one small request. */
  firstPageSize: number;
  /** Rows each page re-reads from the previous one (list-changes.ts). */
  overlapRows: number;
  /** Seconds below the watermark read again: same-second ties and writes committed late in GLPI. */
  overlapSeconds: number;
  /** Every K-th cycle of a pair also compares (id, date_mod) with GLPI. */
  reconcileEvery: number;
  /** GLPI's time zone as minutes east of UTC (Africa/Algiers: +60, no daylight saving). */
  glpiUtcOffsetMinutes: number;
  /** Items a reconcile re-fetches one by one; beyond, the pair is read again in full. */
  refetchLimit: number;
  /** Dashboard figures are recomputed after a page at most this often per company. */
  aggregatesMinIntervalMs: number;
  /** Concurrent follow-up reads of changed tickets (the GLPI client caps requests anyway). */
  followupConcurrency: number;
  /** Life of a company's sync lock without renewal: how long a killed worker blocks its company. */
  lockTtlMs: number;
};

export const defaultSyncOptions: SyncOptions = {
  pageSize: 500,
  firstPageSize: 20,
  overlapRows: 10,
  overlapSeconds: 60,
  reconcileEvery: 12,
  glpiUtcOffsetMinutes: 60,
  refetchLimit: 200,
  aggregatesMinIntervalMs: 1_000,
  followupConcurrency: 4,
  lockTtlMs: 60_000,
};

/** Set on SIGTERM: a pass stops after the page it is writing, without moving the watermark. */
export type StopSignal = { stopping: boolean };

export type SyncContext = {
  pool: GlpiSessionPool;
  options: SyncOptions;
  logger: Logger;
  stop: StopSignal;
};

export type SyncTarget = { companyId: number; entityId: number };

export const syncedAssetTypes = [
  'Computer', 'Monitor', 'Printer', 'NetworkEquipment', 'Peripheral', 'Phone', 'Software', 'SoftwareLicense',
] as const satisfies readonly AssetItemtype[];
export type SyncedItemtype = AssetItemtype | AssetDetailItemtype | 'Ticket';
/** The bulk follow-up read of a first sync has its own state row (progress, freshness). */
export const followupStateType = 'ITILFollowup';
/** Details after their assets: an asset read in the same cycle is on its row when its details are applied. */
export const syncedItemtypes: readonly SyncedItemtype[] = [...syncedAssetTypes, ...assetDetailItemtypes, 'Ticket'];

export function isSyncedItemtype(value: string): value is SyncedItemtype {
  return (syncedItemtypes as readonly string[]).includes(value);
}

/** What one pair's cycle did, for logs, the monitor and the benchmark. */
export type PairResult = {
  itemtype: string;
  firstSync: boolean;
  /** Rows GLPI returned (overlap re-reads included). */
  fetched: number;
  /** Items at or above the watermark written to the cache. */
  items: number;
  /** Items whose `date_mod` differed from the cache (new or changed). */
  changed: number;
  trashed: number;
  reconciled: boolean;
  interrupted: boolean;
};
