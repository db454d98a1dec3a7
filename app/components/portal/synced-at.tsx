import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatPortalDate } from '~/components/portal/format-date';

/** "Data synced on …": every card showing GLPI data says how fresh it is. */
export function SyncedAt({ at, locale }: { at: Date | string | null; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <p className="portal-synced muted small">
      {at ? t('clientPortal.syncedAt', { date: formatPortalDate(at, locale) }) : t('clientPortal.neverSynced')}
    </p>
  );
}
