/**
 * GLPI dates are wall-clock text in GLPI's configured time zone ("YYYY-MM-DD HH:MM:SS", no zone).
 * The cache stores UTC like the rest of the database; the watermark keeps GLPI's own text, since
 * that is what GLPI sorts and compares.
 */
export function glpiDateToUtc(value: string | null | undefined, offsetMinutes: number): string | null {
  if (!value) return null;
  // A page's rows share few seconds (an import stamps thousands with one): each is converted once.
  const known = converted.get(offsetMinutes);
  const hit = known?.get(value);
  if (hit !== undefined) return hit;
  const utc = convert(value, offsetMinutes);
  if (!known || known.size >= 10_000) converted.set(offsetMinutes, new Map([[value, utc]]));
  else known.set(value, utc);
  return utc;
}

const converted = new Map<number, Map<string, string | null>>();

function convert(value: string, offsetMinutes: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return null;
  if (value.startsWith('0000')) return null;
  const epoch = Date.parse(`${value.replace(' ', 'T')}Z`) - offsetMinutes * 60_000;
  if (Number.isNaN(epoch)) return null;
  return new Date(epoch).toISOString().slice(0, 19).replace('T', ' ');
}

/** `YYYY-MM-DD` days (warranty, licence expiry) carry no time: kept as they are. */
export function glpiDay(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !value.startsWith('0000') ? value.slice(0, 10) : null;
}

/** GLPI text minus some seconds, for the overlap below the watermark. */
export function glpiDateMinusSeconds(value: string, seconds: number): string {
  const epoch = Date.parse(`${value.replace(' ', 'T')}Z`) - seconds * 1000;
  return new Date(epoch).toISOString().slice(0, 19).replace('T', ' ');
}

/** Adds months to a `YYYY-MM-DD` day (warranty start + duration). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  return date.toISOString().slice(0, 10);
}
