import { Form, NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '~/i18n/locales';

type Me = { firstName: string; role: 'client' | 'commercial' | 'admin' } | null;

/** Navigation by role, the language switch and the session buttons. */
/** The unread badge and, for a super-client, the portal's own links (app/root.tsx loads it). */
type PortalHeader = { unread: number; superClient: boolean } | null;

export function SiteHeader({ me, locale, portal = null }: { me: Me; locale: Locale; portal?: PortalHeader }) {
  const { t } = useTranslation();
  const location = useLocation();
  const links: { to: string; label: string }[] = [
    { to: '/', label: t('nav.home') },
    { to: '/services', label: t('nav.services') },
    { to: '/faq', label: t('nav.faq') },
    { to: '/contact', label: t('nav.contact') },
  ];
  if (me?.role === 'client') links.push({ to: '/portal', label: t('nav.portal') }, { to: '/portal/documents', label: t('nav.documents') });
  if (me?.role === 'client' && portal?.superClient) {
    links.push({ to: '/portal/dashboard', label: t('nav.dashboard') }, { to: '/portal/park/computers', label: t('nav.park') }, { to: '/portal/tickets', label: t('nav.tickets') });
  }
  if (me && me.role !== 'client') links.push({ to: '/backoffice', label: t('nav.backoffice') }, { to: '/backoffice/quotes', label: t('nav.quotes') });
  if (me && me.role !== 'client') links.push({ to: '/backoffice/invoices', label: t('nav.invoices') });
  if (me && me.role !== 'client') links.push({ to: '/backoffice/companies', label: t('nav.clients') });
  if (me?.role === 'admin') links.push({ to: '/backoffice/admin', label: t('nav.administration') });

  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        {t('nav.skipToContent')}
      </a>
      <div className="site-header__inner">
        <a className="brand" href="/" aria-label={t('brand')}>
          <span className="brand__mark" aria-hidden="true">Y</span>
          <span>{t('brand')}</span>
        </a>
        <nav aria-label={t('nav.mainMenu')}>
          <ul className="nav-list">
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end={l.to === '/' || l.to === '/backoffice'}>
                  {l.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-header__actions">
          <Form method="post" action="/language" className="inline-form">
            <input type="hidden" name="locale" value={locale === 'fr' ? 'en' : 'fr'} />
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <button type="submit" className="button button--ghost" lang={locale === 'fr' ? 'en' : 'fr'} data-testid="language-switch">
              {t('nav.switchTo')}
            </button>
          </Form>
          {me ? (
            <>
              <NavLink to="/portal/notifications" className="button button--ghost portal-bell" data-testid="header-notifications">
                {t('nav.notifications')}
                {portal?.unread ? (
                  <span className="badge" aria-label={t('nav.unread', { count: portal.unread })} data-testid="header-unread">{portal.unread}</span>
                ) : null}
              </NavLink>
              <NavLink to="/account" className="button button--ghost">
                {t('nav.account')}
              </NavLink>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="button button--secondary">
                  {t('nav.logout')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login" className="button button--ghost">
                {t('nav.login')}
              </NavLink>
              <NavLink to="/register" className="button">
                {t('nav.register')}
              </NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
