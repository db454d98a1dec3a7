import type { Logger } from 'pino';
import type { GlpiSessionPool } from '../glpi/glpi-session-pool';
import { workerConfig } from '../worker-config';
import {
  assetDetailItemtypes,
  dropdownItemtypes,
  type AssetDetailItemtype,
  type AssetItemtype,
  type DropdownItemtype,
} from '../glpi/glpi-schemas';

export type SyncOptions = {
  /** Rows per list request after the first one (GLPI-API.md: 20-30 ms per page whatever its size). */
  pageSize: number;
  /** The first request of an incremental read: a quiet cycle costs this one small request. */
  firstPageSize: number;
  /**
   * Windows of a first read asked of GLPI ahead of the one being written (read-whole-list.ts): the
   * limiter still caps requests in flight; this bounds the pages held in memory per item type.
   */
  readAhead: number;
  /** The largest list request; a tied second beyond it is read on its own (list-changes.ts). */
  maxPageSize: number;
  /** Rows each window starts above the boundary it must cross (list-changes.ts). */
  overlapRows: number;
  /**
   * How long after its `date_mod` a GLPI row may still appear: GLPI stamps a whole request (a mass
   * action, an import) with its start time and commits row by row, and its clock may differ a little
   * from the one its web server puts in `Date`. Rows stamped within this many seconds before a read
   * started are read again next cycle; older ones never are.
   */
  overlapSeconds: number;
  /** Every K-th cycle of a pair also compares (id, date_mod) with GLPI. */
  reconcileEvery: number;
  /** GLPI's time zone as minutes east of UTC (Africa/Algiers: +60, no daylight saving). */
  glpiUtcOffsetMinutes: number;
  /** Items a reconcile re-fetches one by one; beyond, the pair is read again in full. */
  refetchLimit: number;
  /** Dashboard figures are recomputed after a page at most this often per company. */
  aggregatesMinIntervalMs: number;
  /** Life of a company's sync lock without renewal: how long a killed worker blocks its company. */
  lockTtlMs: number;
  /** The entity the server-wide reads (follow-ups, dropdowns) are scoped to, recursively: the clients' parent. */
  parentEntityId: number;
  /**
   * Item types of one cycle read at once (their writes overlap GLPI's answers); GLPI itself is
   * protected by the HTTP layer's concurrency cap and rate limit whatever this is.
   */
  pairConcurrency: number;
};

export const defaultSyncOptions: SyncOptions = {
  // GLPI serves 1,000 to 2,000 rows in about the time of 100 (GLPI-API.md): big pages are cheap for it.
  pageSize: 2_000,
  firstPageSize: 20,
  maxPageSize: 5_000,
  readAhead: 1,
  overlapRows: 10,
  overlapSeconds: 120,
  reconcileEvery: 12,
  glpiUtcOffsetMinutes: 60,
  refetchLimit: 200,
  aggregatesMinIntervalMs: 1_000,
  lockTtlMs: 60_000,
  parentEntityId: 0,
  pairConcurrency: 3,
};

/** The options the worker runs with: the defaults, and what its configuration sets. */
export function configuredSyncOptions(): SyncOptions {
  return {
    ...defaultSyncOptions,
    reconcileEvery: workerConfig.SYNC_RECONCILE_EVERY,
    lockTtlMs: workerConfig.SYNC_LOCK_TTL_MS,
    glpiUtcOffsetMinutes: workerConfig.GLPI_UTC_OFFSET_MINUTES,
    parentEntityId: workerConfig.GLPI_PARENT_ENTITY_ID,
  };
}

/** Set on SIGTERM: a pass stops after the page it is writing, without moving the watermark. */
export type StopSignal = { stopping: boolean };

export type SyncContext = {
  pool: GlpiSessionPool;
  options: SyncOptions;
  logger: Logger;
  stop: StopSignal;
};

/** A company's entity, or the server-wide reads (entity 0, no company). */
export type SyncTarget = { companyId: number | null; entityId: number };
export const serverWideTarget: SyncTarget = { companyId: null, entityId: 0 };
export type CompanyTarget = { companyId: number; entityId: number };

export const syncedAssetTypes = [
  'Computer',
  'Monitor',
  'Printer',
  'NetworkEquipment',
  'Peripheral',
  'Phone',
  'Software',
  'SoftwareLicense',
] as const satisfies readonly AssetItemtype[];
export type SyncedItemtype = AssetItemtype | AssetDetailItemtype | 'Ticket';
/** Details after their assets: an asset read in the same cycle is on its row when its details are applied. */
export const syncedItemtypes: readonly SyncedItemtype[] = [...syncedAssetTypes, ...assetDetailItemtypes, 'Ticket'];
/**
 * Read once for every client (GLPI-API.md): follow-ups ignore the active entity, and dropdowns are
 * shared. Dropdowns first, so that the names they give are known when the follow-ups' cycle ends.
 */
export type ServerWideItemtype = DropdownItemtype | 'ITILFollowup' | 'ITILSolution' | 'Document_Item';
export const serverWideItemtypes: readonly ServerWideItemtype[] = [...dropdownItemtypes, 'ITILFollowup', 'ITILSolution', 'Document_Item'];

export function isSyncedItemtype(value: string): value is SyncedItemtype {
  return (syncedItemtypes as readonly string[]).includes(value);
}

/** What one pair's cycle did, for logs, the monitor and the benchmark. */
export type PairResult = {
  itemtype: string;
  firstSync: boolean;
  /** Rows GLPI returned (overlap re-reads included). */
  fetched: number;
  /** Items at or above the read's start written to the cache. */
  items: number;
  /** Items that were new or changed in the cache. */
  changed: number;
  trashed: number;
  reconciled: boolean;
  interrupted: boolean;
};
