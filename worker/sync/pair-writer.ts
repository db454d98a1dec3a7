import type { Transaction } from 'sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import type { ListedRow } from './glpi-rows';
import type { SyncContext, SyncTarget } from './sync-context';

export type WriteMode = {
  firstSync: boolean;
  /** Rows read from GLPI's trash: written with `deleted_at` set. */
  trash: boolean;
  /** Events are recorded only once the entity's first full sync is done. */
  events: boolean;
  deletedAt: string | null;
  /** The watermark the cycle started from (GLPI text), null on a first sync. */
  watermark: string | null;
  /**
   * Whether the last cycle may have read while the watermark's second was still running (GLPI
   * dates have a one-second grain): a write later in that second leaves a row byte-identical.
   */
  watermarkRecent: boolean;
};

/**
 * What differs between item types in a pass: the GLPI reads a page needs besides the list (done
 * before the transaction, never inside it), and the writes of one page (inside its transaction).
 */
export type PairWriter<P = unknown> = {
  itemtype: string;
  table: 'glpi_assets' | 'glpi_asset_details' | 'glpi_tickets';
  /** false: GLPI has no trash for this type (a request for it lists every row), so it is never read. */
  hasTrash?: boolean;
  /** Once before a read (e.g. the requesters of every ticket on a first sync). */
  beforeRead?(client: GlpiClient, mode: WriteMode): Promise<void>;
  prepare(client: GlpiClient, rows: ListedRow[], mode: WriteMode): Promise<P>;
  /** Writes one page; returns how many items were new or changed. */
  write(prepared: P, mode: WriteMode, transaction: Transaction): Promise<number>;
  /** Rows of the cache that GLPI counts in the live list's Content-Range. */
  liveCount(): Promise<number>;
  /** Marks these GLPI ids deleted (trashed or purged without the incremental read seeing it). */
  markDeleted(ids: number[], transaction: Transaction): Promise<void>;
  /** (id, date_mod as UTC text) of live, non-template cached rows, for the reconcile. */
  cachedIdDates(): Promise<Map<number, string | null>>;
};

export type WriterFactory = (ctx: SyncContext, target: SyncTarget) => PairWriter;
