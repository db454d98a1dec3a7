import { useTranslation } from '~/i18n/use-translation';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>
        © {new Date().getFullYear()} {t('brand')} — {t('tagline')}. {t('footer.rights')}
      </p>
      <p>{t('footer.address')}</p>
    </footer>
  );
}
