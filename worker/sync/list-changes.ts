import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiRangeError, GlpiSchemaError } from '../glpi/glpi-errors';
import type { QueryValue } from '../glpi/glpi-http';
import { parseContentRange } from '../glpi/glpi-schemas';
import { checkListedRows, type ListedRow } from './glpi-rows';

export type ChangesOptions = {
  /** Rows whose `date_mod` is at or above this GLPI text are read; null reads everything. */
  since: string | null;
  /** The trash (`is_deleted=true`): GLPI never lists trashed and live rows together. */
  trash: boolean;
  /** Size of the first request: small, since a quiet cycle stops there. */
  firstPageSize: number;
  pageSize: number;
  /** The largest window asked for; a tied second larger than that is read on its own (readTiedSecond). */
  maxPageSize: number;
  /** Rows each window starts above the boundary it must cross (more when the list moved further). */
  overlap: number;
  /** `expand_dropdowns=true`: names instead of ids (never for rows whose `items_id` names an asset). */
  expand: boolean;
  /** GLPI's time zone as minutes east of UTC, to read GLPI's clock from its `Date` header. */
  utcOffsetMinutes: number;
};

export type ChangesPage = {
  /** Rows not yielded before in this read, at or above `since` (templates included: GLPI counts them). */
  rows: ListedRow[];
  /** Rows GLPI returned for this page (re-read overlaps included). */
  fetched: number;
  /** Content-Range total of the list when this page was read. */
  total: number;
  /** `date_mod` of the first row of the first window: the newest item when the read started. */
  newest: string | null;
  /** GLPI's clock (its `Date` header, in GLPI's zone) when the read started; null if GLPI sent none. */
  startedAt: string | null;
};

const maxShifts = 6;

/**
 * Reads `GET /:itemtype?sort=date_mod&order=DESC` in windows until rows get older than `since`,
 * correct whatever order GLPI returns rows sharing a `date_mod` second in. GLPI sorts by that one
 * column, and MariaDB orders the rows of a tied second differently for each LIMIT (GLPI-API.md);
 * mass actions and imports tie hundreds of rows. So nothing here relies on the order of ties
 * between two requests: each answer is one consistent SQL result, and only what holds inside one
 * answer is used.
 *
 * Proof sketch. Invariant: every row with `date_mod` > D has been read (D starts at +∞). A window
 * (one answer) is a contiguous slice of one sorted result, so it holds every row whose date lies
 * strictly between its first and its last row's, and every row of a second that lies strictly
 * inside it. A window is *valid* when it starts at the top of the list, or its first row is newer
 * than D (or equal to D once that whole second was read): then it holds every row with a date in
 * (last, D], and the invariant moves to D = last. Each next window starts `overlap` rows above
 * where the boundary second began; if the list moved up under us (rows trashed or purged above),
 * the window is invalid and is asked again from higher up, up to the top, which is always valid.
 * A full window ending in the second it started with makes no progress: it is asked again larger,
 * and past `maxPageSize` that second is read on its own by `searchText[date_mod]=^D$` sorted by
 * id, a stable order. The read ends when the last row is older than `since`, or at the end of the
 * list. Rows modified during the read move to the top with a `date_mod` at or after `startedAt`,
 * which the caller's next `since` still covers.
 */
export async function* readChanges(client: GlpiClient, itemtype: string, options: ChangesOptions): AsyncGenerator<ChangesPage> {
  const yielded = new Map<number, string | null>();
  let boundary = null as { date: string; wholeSecondRead: boolean } | null;
  let start = 0;
  let size = options.firstPageSize;
  let climb = options.overlap;
  let shifts = 0;
  let newest: string | null | undefined;
  let startedAt: string | null = null;

  const fresh = (rows: ListedRow[]) =>
    rows.filter((row) => {
      const date = row.date_mod ?? null;
      if (options.since !== null && (date === null || date < options.since)) return false;
      if (yielded.has(row.id) && yielded.get(row.id) === date) return false;
      yielded.set(row.id, date);
      return true;
    });

  for (;;) {
    let window: ListWindow;
    try {
      window = await listWindow(client, itemtype, start, size, options);
    } catch (error) {
      // The list shrank below our position: rows moved up; ask again from higher up.
      if (!(error instanceof GlpiRangeError) || start === 0) throw error;
      if (++shifts > maxShifts) throw error;
      start = Math.max(0, start - climb);
      climb *= 2;
      continue;
    }
    const { rows, total } = window;
    if (newest === undefined) {
      newest = rows[0]?.date_mod ?? null;
      startedAt = glpiClock(window.date, options.utcOffsetMinutes);
    }
    const first = rows[0]?.date_mod ?? null;
    const valid =
      start === 0 ||
      boundary === null ||
      (first !== null && (first > boundary.date || (first === boundary.date && boundary.wholeSecondRead)));
    if (!valid) {
      if (++shifts > maxShifts) throw new Error(`GLPI ${itemtype} list kept shifting while it was read`);
      start = Math.max(0, start - climb);
      climb *= 2;
      continue;
    }
    const full = rows.length >= size;
    const last = rows.at(-1)?.date_mod ?? null;
    const done =
      !full || rows.length === 0 || start + rows.length >= total || last === null || (options.since !== null && last < options.since);
    if (done) {
      yield { rows: fresh(rows), fetched: rows.length, total, newest, startedAt };
      return;
    }
    if (boundary && (last > boundary.date || (last === boundary.date && boundary.wholeSecondRead))) {
      // The list grew above us: this window lies above what is read already. Move down.
      yield { rows: fresh(rows), fetched: rows.length, total, newest, startedAt };
      start += Math.max(1, rows.length - options.overlap);
      continue;
    }
    const boundaryAt = rows.findIndex((row) => row.date_mod === last);
    if (boundaryAt === 0 || boundary?.date === last) {
      // No progress: the window ends in a second that goes on below it.
      if (size < options.maxPageSize) {
        size = Math.min(options.maxPageSize, size * 4);
        continue;
      }
      const tied = await readTiedSecond(client, itemtype, last, options);
      yield { rows: fresh([...rows, ...tied.rows]), fetched: rows.length + tied.fetched, total, newest, startedAt };
      boundary = { date: last, wholeSecondRead: true };
      start = Math.max(0, start + boundaryAt + tied.total - options.overlap);
      climb = options.overlap;
      continue;
    }
    yield { rows: fresh(rows), fetched: rows.length, total, newest, startedAt };
    boundary = { date: last, wholeSecondRead: false };
    start = Math.max(0, start + boundaryAt - options.overlap);
    // The rows of the boundary second (and the overlap) are read again: the next window is that
    // much larger, so that each still brings `pageSize` new rows when imports tie a thousand a second.
    size = Math.min(options.maxPageSize, options.pageSize + rows.length - boundaryAt + options.overlap);
    climb = options.overlap;
  }
}

/**
 * Every row of one `date_mod` second, sorted by id (a stable order, so pages can be chained):
 * `searchText` is a LIKE on the column's text, anchored at both ends (Search::makeTextSearch).
 * Each page starts `overlap` rows early and must reach back to the last id already read.
 */
async function readTiedSecond(client: GlpiClient, itemtype: string, date: string, options: ChangesOptions) {
  const rows: ListedRow[] = [];
  let fetched = 0;
  let lastId = 0;
  let cursor = 0;
  let climb = options.overlap;
  let total = 0;
  for (let shifts = 0; ;) {
    const start = Math.max(0, cursor - climb);
    const window = await listWindow(client, itemtype, start, options.maxPageSize, options, { sort: 'id', order: 'ASC', second: date });
    fetched += window.rows.length;
    total = window.total;
    const firstId = window.rows[0]?.id;
    if (start > 0 && (firstId === undefined || firstId > lastId)) {
      if (++shifts > maxShifts) throw new Error(`GLPI ${itemtype} second ${date} kept shifting while it was read`);
      climb *= 2;
      continue;
    }
    const added = window.rows.filter((row) => row.id > lastId);
    rows.push(...added);
    lastId = added.at(-1)?.id ?? lastId;
    cursor = start + window.rows.length;
    climb = options.overlap;
    if (window.rows.length < options.maxPageSize || cursor >= window.total) return { rows, fetched, total };
  }
}

export type ListWindow = { rows: ListedRow[]; total: number; date: string | null };

/** One answer of `GET /:itemtype`: its rows (checked), the list's total and GLPI's `Date` header. */
export async function listWindow(
  client: GlpiClient,
  itemtype: string,
  start: number,
  size: number,
  options: Pick<ChangesOptions, 'expand'> & { trash?: boolean },
  order: { sort: string; order: 'ASC' | 'DESC'; second?: string } = { sort: 'date_mod', order: 'DESC' },
): Promise<ListWindow> {
  const query: Array<[string, QueryValue]> = [
    ['range', `${start}-${start + size - 1}`],
    ['sort', order.sort],
    ['order', order.order],
    ['get_hateoas', 'false'],
  ];
  if (order.second) query.push(['searchText[date_mod]', `^${order.second}$`]);
  if (options.expand) query.push(['expand_dropdowns', 'true']);
  if (options.trash) query.push(['is_deleted', 'true']);
  const response = await client.session.request({ method: 'GET', path: `/${itemtype}`, query });
  const checked = checkListedRows(response.body);
  if ('issues' in checked) throw new GlpiSchemaError(itemtype, checked.issues, null);
  const range = parseContentRange(response.headers.get('Content-Range'));
  return { rows: checked.rows, total: range ? range.total : start + checked.rows.length, date: response.headers.get('Date') };
}

/** An HTTP `Date` header as GLPI's own wall-clock text ("YYYY-MM-DD HH:MM:SS" in its zone). */
export function glpiClock(httpDate: string | null, utcOffsetMinutes: number): string | null {
  if (!httpDate) return null;
  const epoch = Date.parse(httpDate);
  if (Number.isNaN(epoch)) return null;
  return new Date(epoch + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}
