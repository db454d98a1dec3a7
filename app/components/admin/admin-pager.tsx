import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Previous / next links that keep the current filters of the query string. */
export function AdminPager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav className="admin-pager" aria-label={t('admin.page', { page, pages })}>
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('admin.previous')}</Link> : null}
      <span>{t('admin.page', { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t('admin.next')}</Link> : null}
    </nav>
  );
}
