import type { Transaction } from 'sequelize';
import type { GlpiClient } from '../glpi/glpi-client';
import type { ListedRow } from './glpi-rows';

export type WriteMode = {
  firstSync: boolean;
  /** Rows read from GLPI's trash: written with `deleted_at` set. */
  trash: boolean;
  /** Events are recorded only once the entity's first full sync is done. */
  events: boolean;
  deletedAt: string | null;
};

/**
 * What differs between item types in a pass: the GLPI reads a page needs besides the list (done
 * before the transaction, never inside it), and the writes of one page (inside its transaction).
 */
export type PairWriter<P = unknown> = {
  itemtype: string;
  /** `expand_dropdowns=true` on its lists: never for rows whose `items_id` is an asset (GLPI names it). */
  expand: boolean;
  /** false: GLPI has no trash for this type (a request for it lists every row), so it is never read. */
  hasTrash?: boolean;
  /** A small table without date_mod (SoftwareCategory): read whole every cycle, missing rows deleted. */
  wholeTable?: boolean;
  /**
   * How the reconcile compares the cache with GLPI: (id, date_mod) pairs, or ids alone for types
   * GLPI never modifies without a new `date_mod` and whose full list is heavy (follow-ups).
   */
  reconcileBy?: 'id-and-date' | 'id';
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
