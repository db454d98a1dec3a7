import type { GlpiClient } from '../glpi/glpi-client';
import { GlpiRangeError } from '../glpi/glpi-errors';
import type { ListedRow } from './glpi-rows';
import { glpiClock, listWindow, type ChangesOptions, type ChangesPage, type ListWindow } from './list-changes';

export type WholeListOptions = Omit<ChangesOptions, 'since' | 'firstPageSize' | 'maxPageSize' | 'trash'> & {
  /** Windows asked of GLPI ahead of the one being written (the limiter caps what is in flight). */
  readAhead: number;
};

const byId = { sort: 'id', order: 'ASC' } as const;
const maxShifts = 6;

/**
 * A first read of a whole list (nothing read before, so no `since`): windows sorted by id, a stable
 * order, so that once the first answer's Content-Range gives the total, the next windows can be
 * asked at once instead of one after another (readChanges must read date_mod windows in turn:
 * each one's start depends on where the one before ended, decision 015). Each window starts
 * `overlap` rows before the one before it ends and must reach back to the last id read; rows
 * created meanwhile get higher ids, so only rows purged or moved out below the reader shift the
 * list up: a window that no longer joins is asked again from higher up, one at a time.
 *
 * `newest` is the newest `date_mod` at or before GLPI's clock when the read started: a row changed
 * during the read, on a window read before, is stamped after that clock, so it may not raise
 * `newest` past the read's start (the next read starts from there, next-read-from.ts). Without
 * GLPI's clock nothing is known of that: `newest` stays null and the next read reads every row again.
 */
export async function* readWholeList(client: GlpiClient, itemtype: string, options: WholeListOptions): AsyncGenerator<ChangesPage> {
  const size = options.pageSize;
  const span = size + options.overlap;
  const ask = (start: number, rows: number) => listWindow(client, itemtype, start, rows, options, byId);
  const first = await ask(0, size);
  const startedAt = glpiClock(first.date, options.utcOffsetMinutes);
  const page = (rows: ListedRow[], fetched: number, total: number): ChangesPage => ({
    rows,
    fetched,
    total,
    newest: newestUpTo(rows, startedAt),
    startedAt,
  });
  yield page(first.rows, first.rows.length, first.total);
  if (first.rows.length < size || first.rows.length >= first.total) return;

  let lastId = first.rows.at(-1)!.id;
  let cursor = first.rows.length;
  let total = first.total;
  // Where the next window asked ahead brings its new rows from.
  let planned = cursor;
  const ahead: Array<{ start: number; answer: Promise<ListWindow> }> = [];
  const askAhead = () => {
    while (ahead.length < Math.max(1, options.readAhead) && (planned < total || ahead.length === 0)) {
      const start = Math.max(0, planned - options.overlap);
      const answer = ask(start, span);
      // Dropped unread when the list shifts (or the reader stops): its failure is nobody's.
      answer.catch(() => undefined);
      ahead.push({ start, answer });
      planned += size;
    }
  };
  let climb = options.overlap;
  let shifts = 0;
  for (;;) {
    askAhead();
    const { start, answer } = ahead.shift()!;
    let window: ListWindow | null;
    try {
      window = await answer;
    } catch (error) {
      // The list shrank below this window's start: rows moved up.
      if (!(error instanceof GlpiRangeError)) throw error;
      window = null;
    }
    // A window joins when it reaches back to the last id read (or starts at the top of the list).
    const joins = window !== null && (start === 0 || (window.rows.length > 0 && window.rows[0]!.id <= lastId));
    if (!window || !joins) {
      // Rows below the reader were purged (or moved out): ask again from higher up, further each time.
      if (++shifts > maxShifts) throw new Error(`GLPI ${itemtype} list kept shifting while it was read`);
      ahead.length = 0;
      planned = Math.max(0, cursor - climb) + options.overlap;
      climb *= 2;
      continue;
    }
    const added = window.rows.filter((row) => row.id > lastId);
    total = window.total;
    lastId = window.rows.at(-1)?.id ?? lastId;
    cursor = start + window.rows.length;
    climb = options.overlap;
    yield page(added, window.rows.length, total);
    if (window.rows.length < span || cursor >= window.total) return;
  }
}

/** The newest `date_mod` among rows stamped at or before `clock` (GLPI's own text: compared as text). */
function newestUpTo(rows: ListedRow[], clock: string | null): string | null {
  if (clock === null) return null;
  let newest: string | null = null;
  for (const row of rows) {
    const date = row.date_mod ?? null;
    if (date !== null && date <= clock && (newest === null || date > newest)) newest = date;
  }
  return newest;
}
