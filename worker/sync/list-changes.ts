import { z } from 'zod';
import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiRangeError, GlpiSchemaError } from '../glpi/glpi-errors';
import type { QueryValue } from '../glpi/glpi-http';
import { parseContentRange } from '../glpi/glpi-schemas';
import { listedRowSchema, type ListedRow } from './glpi-rows';

export type ChangesOptions = {
  /** Rows whose `date_mod` is below this GLPI text end the read; null reads everything (first sync). */
  since: string | null;
  /** The trash (`is_deleted=true`): GLPI never lists trashed and live rows together. */
  trash: boolean;
  /** Size of the first request: small, since a quiet cycle stops there. */
  firstPageSize: number;
  pageSize: number;
  /** Rows each page re-reads from the previous one, to find its place again. */
  overlap: number;
  /** `expand_dropdowns=true`: names instead of ids (not for follow-ups, whose items_id would become a title). */
  expand: boolean;
};

export type ChangesPage = {
  /** Rows not seen before in this read, at or above `since` (templates included: GLPI counts them). */
  rows: ListedRow[];
  /** Rows GLPI returned (re-read overlap included). */
  fetched: number;
  /** Content-Range total of the list when this page was read. */
  total: number;
  /** `date_mod` of the first row of the first page: the newest item the read saw. */
  newest: string | null;
};

const maxRestarts = 3;

/**
 * Reads `GET /:itemtype?sort=date_mod&order=DESC` page by page until rows get older than `since`.
 *
 * A list read in pages shifts under the reader: an item trashed or purged above the cursor moves
 * every later row up by one, so plain `start += pageSize` would skip a row. Each page therefore
 * starts `overlap` rows early and must find again a row of the read with the same `date_mod` (its
 * anchor): unmodified rows keep their relative order, so every unseen row lies after the anchor.
 * No anchor means the list moved by more than the overlap: the read starts again from the top,
 * skipping what it has seen. Items modified during the read move to the top with a `date_mod` at
 * least as new as `newest`, so the next cycle (which starts at the watermark minus an overlap) finds them.
 */
export async function* readChanges(client: GlpiClient, itemtype: string, options: ChangesOptions): AsyncGenerator<ChangesPage> {
  const seen = new Map<number, string | null>();
  let cursor = 0;
  let size = options.firstPageSize;
  let restarts = 0;
  let newest: string | null | undefined;
  for (;;) {
    const start = cursor === 0 ? 0 : Math.max(0, cursor - options.overlap);
    let listed: { rows: ListedRow[]; total: number };
    try {
      listed = await listPage(client, itemtype, start, size, options);
    } catch (error) {
      if (!(error instanceof GlpiRangeError) || start === 0) throw error;
      // The list shrank below our position: rows may have moved above it.
      if (++restarts > maxRestarts) throw error;
      cursor = 0;
      continue;
    }
    const { rows, total } = listed;
    if (newest === undefined) newest = rows[0]?.date_mod ?? null;
    let from = 0;
    if (start > 0 && rows.length > 0) {
      const anchor = findAnchor(rows, seen);
      if (anchor < 0) {
        if (++restarts > maxRestarts) throw new Error(`GLPI ${itemtype} list kept shifting while it was read`);
        cursor = 0;
        size = options.pageSize;
        continue;
      }
      from = anchor + 1;
    }
    const fresh: ListedRow[] = [];
    let reachedOld = false;
    for (const row of rows.slice(from)) {
      const date = row.date_mod ?? null;
      if (options.since !== null && (date === null || date < options.since)) {
        reachedOld = true;
        break;
      }
      if (seen.get(row.id) === date) continue;
      seen.set(row.id, date);
      fresh.push(row);
    }
    // Rows re-read in the overlap are anchors for the next page too.
    for (const row of rows.slice(0, from)) if (!seen.has(row.id)) seen.set(row.id, row.date_mod ?? null);
    yield { rows: fresh, fetched: rows.length, total, newest };
    cursor = start + rows.length;
    if (reachedOld || rows.length === 0 || cursor >= total) return;
    size = options.pageSize;
  }
}

function findAnchor(rows: ListedRow[], seen: Map<number, string | null>): number {
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row = rows[index];
    if (row && seen.has(row.id) && seen.get(row.id) === (row.date_mod ?? null)) return index;
  }
  return -1;
}

const listSchema = z.array(listedRowSchema);

async function listPage(client: GlpiClient, itemtype: string, start: number, size: number, options: ChangesOptions) {
  const query: Array<[string, QueryValue]> = [
    ['range', `${start}-${start + size - 1}`], ['sort', 'date_mod'], ['order', 'DESC'], ['get_hateoas', 'false'],
  ];
  if (options.expand) query.push(['expand_dropdowns', 'true']);
  if (options.trash) query.push(['is_deleted', 'true']);
  const response = await client.session.request({ method: 'GET', path: `/${itemtype}`, query });
  const parsed = listSchema.safeParse(response.body);
  if (!parsed.success) throw new GlpiSchemaError(itemtype, parsed.error.issues, null);
  const range = parseContentRange(response.headers.get('Content-Range'));
  return { rows: parsed.data, total: range ? range.total : start + parsed.data.length };
}
