import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Previous / next links keeping every other query parameter (filters, sort). */
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
    <nav className="portal-pager" aria-label={t('clientPortal.park.pagination')}>
      {page > 1 ? <Link to={to(page - 1)} rel="prev">{t('clientPortal.park.previous')}</Link> : <span />}
      <span>{t('clientPortal.park.page', { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={to(page + 1)} rel="next">{t('clientPortal.park.next')}</Link> : <span />}
    </nav>
  );
}
