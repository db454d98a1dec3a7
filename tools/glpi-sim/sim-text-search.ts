import type { Scalar } from './sim-store';
import { glpiDecode } from './sim-text';

/**
 * `searchText[column]=value` on lists, as API::getItems builds it with Search::makeTextSearch:
 * - an empty value or "0" (PHP's empty()) adds no condition at all;
 * - "NULL"/"null", "^$", "$" (and anything trimmed to nothing) mean `IS NULL`;
 * - otherwise `LIKE '%value%'`, where a leading `^` anchors the start and a trailing `$` the end
 *   (`^2026-12-05 04:25:08$` is exactly that second: MariaDB compares datetimes and numbers as text),
 *   `%` stays a wildcard, `_` is escaped to a plain underscore, and spaces around the value are trimmed;
 * - MariaDB's utf8mb4_unicode_ci collation ignores case and accents ("é" finds "TIE-001").
 * The value is un-sanitized before the LIKE while columns hold HTML-encoded text, so "B & C" does not
 * find a stored "B &#38; C" — GLPI's own behaviour.
 * Returns null when the parameter adds no condition.
 */
export function textCondition(raw: string): ((value: Scalar) => boolean) | null {
  if (raw === '' || raw === '0') return null;
  const value = glpiDecode(raw).trim();
  if (value === 'NULL' || value === 'null' || value === '' || value === '^$' || value === '$') return (cell) => cell === null;
  if (value === '^') return (cell) => cell !== null;
  let pattern = value;
  const anchoredStart = pattern.startsWith('^');
  if (anchoredStart) pattern = pattern.slice(1).trimStart();
  const anchoredEnd = pattern.endsWith('$');
  if (anchoredEnd) pattern = pattern.slice(0, -1).trimEnd();
  const body = fold(pattern).split('%').map(escapeRegExp).join('.*');
  const regex = new RegExp(`${anchoredStart ? '^' : ''}${body}${anchoredEnd ? '$' : ''}`, 's');
  return (cell) => cell !== null && regex.test(fold(String(cell)));
}

/** Case and accents folded the way utf8mb4_unicode_ci compares. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
