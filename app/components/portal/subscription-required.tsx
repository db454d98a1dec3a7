import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatPortalDate } from '~/components/portal/format-date';

export type PortalAccess = { superClient: boolean; endedAt: Date | string | null; renewUrl: string | null };

/** What a portal page shows when the company's subscription has ended: the data stays, renewal is one click away. */
export function SubscriptionRequired({ access, locale }: { access: PortalAccess; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <section className="card portal-access" aria-labelledby="access-title" data-testid="subscription-required">
      <h1 id="access-title">{t('clientPortal.access.title')}</h1>
      <p>
        {access.endedAt
          ? t('clientPortal.access.ended', { date: formatPortalDate(access.endedAt, locale) })
          : t('clientPortal.access.none')}
      </p>
      <a className="button" href={access.renewUrl ?? '/quote'}>
        {t('clientPortal.access.renew')}
      </a>
    </section>
  );
}
