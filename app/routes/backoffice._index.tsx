import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { TodoBlock, TodoItem } from '~/components/backoffice/todo-block';
import { staffPage } from '~/utils/page-access.server';
import { formatCents, formatDate, formatDay } from '~/utils/billing-format';
import { formatDateTime, formatNumber, formatPercent } from '../../shared/format';
import { titled } from '~/utils/page-title';

export const meta = titled('backoffice');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const todo = await api.backoffice.today();
  return data({ name: ctx.user.firstName, todo, locale: ctx.locale }, { headers });
}

export default function BackofficeHome() {
  const { name, todo, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const service = (item: { serviceNameFr: string; serviceNameEn: string }) => (locale === 'en' ? item.serviceNameEn : item.serviceNameFr);
  const blocks = [
    ['bo-to-call', 'boToday.toCall.title', todo.toCall.total],
    ['bo-expiring', 'boToday.expiringProformas.title', todo.expiringProformas.total],
    ['bo-orders', 'boToday.purchaseOrders.title', todo.purchaseOrders.total],
    ['bo-overdue', 'boToday.overdueInvoices.title', todo.overdueInvoices.total],
    ['bo-ending', 'boToday.endingSubscriptions.title', todo.endingSubscriptions.total],
    ['bo-over', 'boToday.overAllowance.title', todo.overAllowance.total],
  ] as const;
  return (
    <>
      <h1>{t('backoffice.title')}</h1>
      <p>{t('backoffice.welcome', { name })}</p>
      <nav aria-label={t('boToday.summary')}>
        <ul className="pill-list bo-chips">
          {blocks.map(([id, title, total]) => (
            <li key={id}>
              <a href={`#${id}`}>
                {t(title)} <span className="bo-chips__count">{total}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted">{t('boToday.lead')}</p>
      <div className="bo-todo-grid">
        <TodoBlock
          id="bo-to-call"
          title={t('boToday.toCall.title')}
          total={todo.toCall.total}
          shown={todo.toCall.items.length}
          seeAll="/backoffice/quotes?status=new"
        >
          {todo.toCall.items.map((q) => (
            <TodoItem
              key={q.id}
              to={`/backoffice/quotes/${q.id}`}
              label={t('boToday.toCall.item', { reference: q.reference, company: q.companyName, service: service(q) })}
              aside={<time dateTime={new Date(q.createdAt).toISOString()}>{formatDateTime(q.createdAt, locale)}</time>}
            >
              {q.companyPhone ? (
                <>
                  {' '}
                  · <a href={`tel:${q.companyPhone}`}>{q.companyPhone}</a>
                </>
              ) : null}
            </TodoItem>
          ))}
        </TodoBlock>
        <TodoBlock
          id="bo-expiring"
          title={t('boToday.expiringProformas.title')}
          total={todo.expiringProformas.total}
          shown={todo.expiringProformas.items.length}
        >
          {todo.expiringProformas.items.map((p) => (
            <TodoItem
              key={p.id}
              to={`/backoffice/proformas/${p.id}`}
              label={t('boToday.expiringProformas.item', {
                number: p.number,
                company: p.companyName,
                amount: formatCents(p.totalInclTaxCents, locale),
              })}
              aside={
                <>
                  {t('boToday.expiringProformas.lastDay', { date: formatDay(p.validUntil, locale) })} ·{' '}
                  {p.daysLeft === 0 ? t('boToday.expiringProformas.today') : t('boToday.expiringProformas.daysLeft', { count: p.daysLeft })}
                </>
              }
            />
          ))}
        </TodoBlock>
        <TodoBlock
          id="bo-orders"
          title={t('boToday.purchaseOrders.title')}
          total={todo.purchaseOrders.total}
          shown={todo.purchaseOrders.items.length}
        >
          {todo.purchaseOrders.items.map((o) => (
            <TodoItem
              key={o.id}
              to={`/backoffice/proformas/${o.proformaId}`}
              label={t('boToday.purchaseOrders.item', { file: o.originalName, company: o.companyName, number: o.proformaNumber })}
              aside={<time dateTime={new Date(o.createdAt).toISOString()}>{formatDateTime(o.createdAt, locale)}</time>}
            />
          ))}
        </TodoBlock>
        <TodoBlock
          id="bo-overdue"
          title={t('boToday.overdueInvoices.title')}
          total={todo.overdueInvoices.total}
          shown={todo.overdueInvoices.items.length}
          seeAll="/backoffice/invoices?status=unpaid"
        >
          {todo.overdueInvoices.items.map((i) => (
            <TodoItem
              key={i.id}
              to={`/backoffice/invoices/${i.id}`}
              label={t('boToday.overdueInvoices.item', {
                number: i.number,
                company: i.companyName,
                amount: formatCents(i.totalInclTaxCents, locale),
              })}
              aside={t('boToday.overdueInvoices.late', { date: formatDay(i.dueDate, locale), count: i.daysLate })}
            />
          ))}
        </TodoBlock>
        <TodoBlock
          id="bo-ending"
          title={t('boToday.endingSubscriptions.title')}
          total={todo.endingSubscriptions.total}
          shown={todo.endingSubscriptions.items.length}
        >
          {todo.endingSubscriptions.items.map((s) => (
            <TodoItem
              key={s.id}
              to={`/backoffice/companies/${s.companyId}`}
              label={t('boToday.endingSubscriptions.item', { company: s.companyName, service: service(s), tier: s.tierMaxQty })}
              aside={t('boToday.endingSubscriptions.ends', { date: formatDate(s.endAt, locale), count: s.daysLeft })}
            />
          ))}
        </TodoBlock>
        <TodoBlock
          id="bo-over"
          title={t('boToday.overAllowance.title')}
          total={todo.overAllowance.total}
          shown={todo.overAllowance.items.length}
          lead={t('boToday.overAllowance.lead')}
        >
          {todo.overAllowance.items.map((c) => (
            <TodoItem
              key={c.companyId}
              to={`/backoffice/companies/${c.companyId}`}
              label={t('boToday.overAllowance.item', {
                company: c.companyName,
                used: formatNumber(c.used, locale),
                allowed: formatNumber(c.allowed, locale),
                percent: formatPercent(c.percent, locale),
              })}
            />
          ))}
        </TodoBlock>
      </div>
      <p>
        <Link to="/backoffice/companies" className="button">
          {t('nav.clients')}
        </Link>
      </p>
    </>
  );
}
