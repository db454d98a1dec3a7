import { Form, NavLink, useLocation } from '@remix-run/react';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { localeNames, locales, type Locale } from '../../shared/i18n/locales';

type Me = { firstName: string; role: 'client' | 'commercial' | 'admin'; companyRole: 'manager' | 'member' | 'billing' | null } | null;

/** Navigation by role, the language switch and the session buttons. */
/** The unread badge and, for a super-client, the portal's own links (app/root.tsx loads it). */
type PortalHeader = { unread: number; superClient: boolean } | null;

const noSubscription = () => () => {};

/** The public site's pages, for the header of a visitor and the footer of everyone. */
export function publicLinks(t: (key: string) => string): { to: string; label: string }[] {
  return [
    { to: '/', label: t('nav.home') },
    { to: '/services', label: t('nav.services') },
    { to: '/faq', label: t('nav.faq') },
    { to: '/contact', label: t('nav.contact') },
  ];
}

export function SiteHeader({ me, locale, portal = null }: { me: Me; locale: Locale; portal?: PortalHeader }) {
  const { t } = useTranslation();
  const location = useLocation();
  // Signed in, the public site's pages are in the footer (site-footer.tsx): a super-client's own
  // links alone fill the header's row.
  const links: { to: string; label: string }[] = me ? [] : publicLinks(t);
  // Each company role sees the links of what it may do (docs/decisions/110-company-roles.md).
  const companyRole = me?.role === 'client' ? (me.companyRole ?? 'manager') : null;
  if (companyRole) links.push({ to: '/portal', label: t('nav.portal') });
  if (companyRole === 'manager' || companyRole === 'billing') links.push({ to: '/portal/documents', label: t('nav.documents') });
  if (companyRole && companyRole !== 'billing' && portal?.superClient) {
    if (companyRole === 'manager')
      links.push({ to: '/portal/dashboard', label: t('nav.dashboard') }, { to: '/portal/reports', label: t('nav.reports') });
    links.push({ to: '/portal/park/computers', label: t('nav.park') }, { to: '/portal/tickets', label: t('nav.tickets') });
  }
  if (companyRole === 'manager') links.push({ to: '/portal/team', label: t('nav.team') });
  if (me && me.role !== 'client')
    links.push({ to: '/backoffice', label: t('nav.backoffice') }, { to: '/backoffice/quotes', label: t('nav.quotes') });
  if (me && me.role !== 'client') links.push({ to: '/backoffice/invoices', label: t('nav.invoices') });
  if (me && me.role !== 'client') links.push({ to: '/backoffice/companies', label: t('nav.clients') });
  if (me?.role === 'admin') links.push({ to: '/backoffice/admin', label: t('nav.administration') });

  // The phone menu folds only once the page runs scripts: without them, every link stays shown.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // Open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === location.pathname;

  return (
    <header className="site-header" data-menu={enhanced ? (open ? 'open' : 'closed') : 'static'}>
      <a className="skip-link" href="#content">
        {t('nav.skipToContent')}
      </a>
      <div className="site-header__inner">
        <a className="brand" href="/" aria-label={t('brand')}>
          <span className="brand__mark" aria-hidden="true">
            Y
          </span>
          <span>{t('brand')}</span>
        </a>
        <button
          type="button"
          className="button button--ghost site-header__toggle"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpenOn(open ? null : location.pathname)}
          data-testid="menu-toggle"
        >
          <span aria-hidden="true" className="site-header__burger" />
          {t('site.menu')}
        </button>
        <div className="site-header__menu" id="site-menu">
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
            <Form method="post" action="/language" className="inline-form language-switch" aria-label={t('nav.language')}>
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
              {locales
                .filter((other) => other !== locale)
                .map((other) => (
                  <button
                    key={other}
                    type="submit"
                    name="locale"
                    value={other}
                    className="button button--ghost"
                    lang={other}
                    data-testid={`language-${other}`}
                  >
                    {localeNames[other]}
                  </button>
                ))}
            </Form>
            {me ? (
              <>
                <NavLink to="/portal/notifications" className="button button--ghost portal-bell" data-testid="header-notifications">
                  {t('nav.notifications')}
                  {portal?.unread ? (
                    <span className="badge" aria-label={t('nav.unread', { count: portal.unread })} data-testid="header-unread">
                      {portal.unread}
                    </span>
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
      </div>
    </header>
  );
}
