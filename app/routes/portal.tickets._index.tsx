import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { Pager } from '~/components/pager';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { SyncedAt } from '~/components/portal/synced-at';
import { FilterSelect } from '~/components/portal/filter-select';
import { OutboxState, TicketDeadlines } from '~/components/portal/ticket-bits';
import { formatPortalDate } from '~/components/portal/format-date';
import { superClientPage } from '~/utils/portal.server';
import { titled } from '~/utils/page-title';

export const meta = titled('tickets');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { page, access, locale, headers, user } = await superClientPage(request, context, (api) => api.portal.tickets.list(query));
  return data({ list: page, access, locale, member: user.companyRole === 'member' }, { headers });
}

const statusOptions = ['open', 'done', '1', '2', '3', '4', '5', '6'] as const;
const periods = ['7d', '30d', '90d', 'month', '12m'] as const;

export default function TicketList() {
  const { list, access, locale, member } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!list) return <SubscriptionRequired access={access!} locale={locale} />;
  const k = 'clientPortal.tickets';
  const statusLabel = (value: string) =>
    value === 'open' || value === 'done' ? t(`${k}.statusGroups.${value}`) : t(`${k}.statuses.${value}`);
  const { filter } = list;
  return (
    <>
      <div className="portal-heading">
        <h1>{t(`${k}.title`)}</h1>
        <Link to="/portal/tickets/new" className="button">
          {t(`${k}.new`)}
        </Link>
      </div>
      <SyncedAt at={list.syncedAt} locale={locale} />
      {member ? <p className="muted">{t('team.memberTickets')}</p> : null}
      {list.waiting.length > 0 ? (
        <section className="card" aria-labelledby="waiting-title" data-testid="waiting-tickets">
          <h2 id="waiting-title">{t(`${k}.waitingTitle`)}</h2>
          <ul className="list">
            {list.waiting.map((ticket) => (
              <li key={ticket.outboxId} className="portal-waiting">
                <Link to={ticket.glpiTicketId ? `/portal/tickets/${ticket.glpiTicketId}` : `/portal/tickets/outbox-${ticket.outboxId}`}>
                  {ticket.title}
                </Link>{' '}
                <OutboxState state={ticket.state} glpiTicketId={ticket.glpiTicketId} awaitingAccount={list.awaitingAccount} />{' '}
                <time className="muted small" dateTime={new Date(ticket.createdAt).toISOString()}>
                  {formatPortalDate(ticket.createdAt, locale)}
                </time>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="search-form portal-filters" role="search">
        <div className="field">
          <label htmlFor="filter-q">{t(`${k}.search`)}</label>
          <input id="filter-q" type="search" name="q" defaultValue={filter.q ?? ''} placeholder={t(`${k}.searchHint`)} />
        </div>
        <FilterSelect
          name="status"
          label={t(`${k}.status`)}
          allLabel={t(`${k}.all`)}
          value={filter.status}
          choices={statusOptions.map((value) => ({ value, label: statusLabel(value) }))}
        />
        <FilterSelect
          name="urgency"
          label={t(`${k}.urgency`)}
          allLabel={t(`${k}.all`)}
          value={filter.urgency}
          choices={['1', '2', '3', '4', '5'].map((value) => ({ value, label: t(`${k}.urgencies.${value}`) }))}
        />
        <FilterSelect
          name="period"
          label={t(`${k}.period`)}
          allLabel={t(`${k}.allPeriods`)}
          value={filter.period}
          choices={periods.map((value) => ({ value, label: t(`${k}.periods.${value}`) }))}
        />
        <button type="submit" className="button">
          {t(`${k}.filter`)}
        </button>
      </Form>
      <div className="table-scroll">
        <table className="table portal-table" data-testid="ticket-table">
          <caption>{t(`${k}.caption`, { count: list.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`${k}.number`)}</th>
              <th scope="col">{t(`${k}.ticketTitle`)}</th>
              <th scope="col">{t(`${k}.status`)}</th>
              <th scope="col">{t(`${k}.urgency`)}</th>
              <th scope="col">{t(`${k}.openedAt`)}</th>
              <th scope="col">{t(`${k}.deadlines`)}</th>
            </tr>
          </thead>
          <tbody>
            {list.tickets.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  {t(`${k}.empty`)}
                </td>
              </tr>
            ) : (
              list.tickets.map((ticket) => (
                <tr key={ticket.glpiId}>
                  <td>{ticket.glpiId}</td>
                  <td>
                    <Link to={`/portal/tickets/${ticket.glpiId}`}>{ticket.name ?? ticket.glpiId}</Link>
                  </td>
                  <td>
                    <span className={`portal-status portal-status--${ticket.status}`}>{t(`${k}.statuses.${ticket.status}`)}</span>
                  </td>
                  <td>{t(`${k}.urgencies.${ticket.urgency}`)}</td>
                  <td>{ticket.openedAt ? formatPortalDate(ticket.openedAt, locale) : ''}</td>
                  <td>{ticket.status < 5 ? <TicketDeadlines deadlines={ticket.deadlines} locale={locale} /> : null}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager page={filter.page} pageCount={list.pageCount} />
    </>
  );
}
