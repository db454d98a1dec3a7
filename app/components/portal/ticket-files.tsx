import type { Locale } from '../../../shared/i18n/locales';
import { useTranslation } from '~/i18n/use-translation';
import { formatPortalDate } from './format-date';

export type TicketFileView = {
  ref: string;
  fileName: string;
  on: { itemtype: string; id: number };
  fromSupport: boolean;
  postedAt: Date | string | null;
  ready: boolean;
  state: 'synced' | 'pending' | 'sending' | 'failed' | 'delivered';
};

/**
 * Files of a ticket or of one of its messages, each a download link (served by
 * portal.tickets.$id_.files.$file.ts, never shown inline). A technician's file the worker has not
 * fetched from GLPI yet is named without a link.
 */
export function TicketFiles({
  files,
  ticketPath,
  locale,
  label,
}: {
  files: TicketFileView[];
  ticketPath: string;
  locale: Locale;
  label: string;
}) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="portal-files" aria-label={label}>
      {files.map((file) => (
        <li key={file.ref} data-testid="ticket-file" data-ref={file.ref}>
          {file.ready ? (
            <a href={`${ticketPath}/files/${file.ref}`} download aria-label={t('ticketFiles.download', { name: file.fileName })}>
              {file.fileName}
            </a>
          ) : (
            <span>
              {file.fileName} <span className="muted">({t('ticketFiles.notReady')})</span>
            </span>
          )}
          <span className="muted">
            {' — '}
            {file.fromSupport ? t('ticketFiles.fromSupport') : t('ticketFiles.fromYou')}
            {file.postedAt ? ` — ${formatPortalDate(file.postedAt, locale)}` : ''}
            {file.state !== 'synced' ? ` — ${t(`ticketFiles.states.${file.state}`)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
