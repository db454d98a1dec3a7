import type { ReactNode } from 'react';
import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';

/** One block of the staff home: a titled card with its full count, the first items and a way to the rest. */
export function TodoBlock({
  id,
  title,
  total,
  shown,
  lead,
  seeAll,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  lead?: string;
  seeAll?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card bo-todo" id={id} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} className="bo-todo__title">
        <span>{title}</span> <span className={total > 0 ? 'badge' : 'badge bo-todo__zero'}>{total}</span>
      </h2>
      {lead ? <p className="muted small">{lead}</p> : null}
      {total === 0 ? <p className="muted">{t('boToday.empty')}</p> : <ul className="list bo-todo__list">{children}</ul>}
      {total > shown ? <p className="muted small">{t('boToday.more', { count: total - shown })}</p> : null}
      {seeAll && total > 0 ? (
        <p>
          <Link to={seeAll} className="button button--ghost">
            {t('boToday.seeAll')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** One line of a block: what it is (a link to the record), then when or how late. */
export function TodoItem({ to, label, aside, children }: { to: string; label: string; aside?: ReactNode; children?: ReactNode }) {
  return (
    <li>
      <span>
        <Link to={to}>{label}</Link>
        {children}
      </span>
      {aside ? <span className="muted small">{aside}</span> : null}
    </li>
  );
}
