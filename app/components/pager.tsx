import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';

/** Previous / next links for a paged list, keeping every other query parameter (filters, sort). */
export function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const to = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev">
          {t('pager.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span>{t('pager.page', { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link to={to(page + 1)} rel="next">
          {t('pager.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
