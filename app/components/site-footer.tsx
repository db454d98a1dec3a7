import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { publicLinks } from './site-header';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <nav aria-label={t('footer.siteMenu')}>
        <ul className="site-footer__links">
          {publicLinks(t).map((link) => (
            <li key={link.to}>
              <Link to={link.to}>{link.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        © {new Date().getFullYear()} {t('brand')} — {t('tagline')}. {t('footer.rights')}
      </p>
      <p>{t('footer.address')}</p>
    </footer>
  );
}
