import { glpiDateMinusSeconds } from './glpi-time';

export type ReadOutcome = {
  /** Where this read started (null: everything). */
  since: string | null;
  /** The newest `date_mod` GLPI listed when the read started. */
  newest: string | null;
  /** GLPI's clock when the read started (its `Date` header in its zone); null if GLPI sent none. */
  startedAt: string | null;
};

/**
 * Where the next incremental read of a pair starts (inclusive). Every row stamped at least
 * `settleSeconds` before this read started was already committed when it started, so it was read;
 * a row written later carries a later stamp, or the stamp of a request still running then — never
 * older than `startedAt - settleSeconds`. So the next read starts there, or just after the newest
 * row seen if that is earlier: a pair where nothing changed for a while re-reads nothing.
 *
 * Without GLPI's clock (no `Date` header), or when GLPI lists rows newer than its own clock says it
 * is (GLPI_UTC_OFFSET_MINUTES does not match GLPI's time zone), the next read starts at the newest
 * second seen, which it re-reads: late commits of that second are never missed.
 */
export function nextReadFrom(read: ReadOutcome, settleSeconds: number): { readFrom: string; clockTrusted: boolean } {
  const afterNewest = read.newest === null ? null : glpiDateMinusSeconds(read.newest, -1);
  if (read.startedAt === null || (read.newest !== null && read.newest > read.startedAt)) {
    return { readFrom: read.newest ?? read.since ?? read.startedAt ?? '1970-01-01 00:00:00', clockTrusted: false };
  }
  const settled = glpiDateMinusSeconds(read.startedAt, settleSeconds);
  return { readFrom: afterNewest !== null && afterNewest < settled ? afterNewest : settled, clockTrusted: true };
}
