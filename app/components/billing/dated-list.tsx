import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/i18n/locales';
import { formatDate } from '~/utils/billing-format';

export type DatedEntry = { id: number; at: Date | string; content: ReactNode };

/**
 * What happened to a document, one line an event with its date at the end: an invoice's history,
 * the purchase orders a client sent for a pro-forma. `ordered` where the order is the point.
 */
export function DatedList({
  entries,
  locale,
  ordered = false,
  testId,
}: {
  entries: DatedEntry[];
  locale: Locale;
  ordered?: boolean;
  testId?: string;
}) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className="list" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <span>{entry.content}</span>
          <time dateTime={new Date(entry.at).toISOString()}>{formatDate(entry.at, locale)}</time>
        </li>
      ))}
    </List>
  );
}
