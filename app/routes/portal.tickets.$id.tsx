import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { SubscriptionRequired } from '~/components/portal/subscription-required';
import { SyncedAt } from '~/components/portal/synced-at';
import { OutboxState, TicketDeadlines } from '~/components/portal/ticket-bits';
import { formatPortalDate } from '~/components/portal/format-date';
import { superClientPage } from '~/utils/portal.server';
import { formFailure, formValues, requireUser, serverApi } from '~/trpc.server';

export const meta: MetaFunction = () => [{ title: 'Ticket — Y-tech' }];

/** `/portal/tickets/123` is GLPI's ticket 123; `/portal/tickets/outbox-45` a ticket GLPI has not numbered yet. */
function ticketRef(param: string | undefined): { glpiId: number } | { outboxId: number } {
  const match = /^(outbox-)?([1-9]\d{0,9})$/.exec(param ?? '');
  if (!match) throw new Response('Not found', { status: 404 });
  return match[1] ? { outboxId: Number(match[2]) } : { glpiId: Number(match[2]) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ref = ticketRef(params.id);
  const { page, access, locale, headers } = await superClientPage(request, (api) => api.portal.tickets.conversation(ref));
  // Once GLPI has numbered it, the ticket has its real address.
  if (page && 'outboxId' in ref && page.glpiId) throw redirect(`/portal/tickets/${page.glpiId}${new URL(request.url).search}`, { headers });
  return data({ ticket: page, access, locale }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ref = ticketRef(params.id);
  const { api, ctx, headers } = await serverApi(request);
  requireUser(ctx, request);
  const values = formValues(await request.formData());
  try {
    await api.portal.tickets.reply({ ...ref, content: values.content ?? '' });
  } catch (error) {
    return data(formFailure(error, values), { status: 400, headers });
  }
  const url = new URL(request.url);
  throw redirect(`${url.pathname}?replied=1`, { headers });
}

export default function TicketPage() {
  const { ticket, access, locale } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const fieldId = useId();
  if (!ticket) return <SubscriptionRequired access={access!} locale={locale} />;
  const k = 'clientPortal.tickets';
  const closed = ticket.status === 6 || ticket.state === 'failed';
  const error = failure?.fieldErrors?.content;
  return (
    <>
      <p><Link to="/portal/tickets">{t(`${k}.back`)}</Link></p>
      <h1>
        {ticket.glpiId ? `#${ticket.glpiId} ` : ''}{ticket.name}
      </h1>
      <SyncedAt at={ticket.syncedAt} locale={locale} />
      {search.get('created') ? <FormAlert tone="success" message={`${k}.created`} /> : null}
      <section className="card" aria-labelledby="ticket-facts">
        <h2 id="ticket-facts" className="portal-visually-hidden">{t(`${k}.ticketTitle`)}</h2>
        <dl className="portal-facts">
          <dt>{t(`${k}.status`)}</dt>
          <dd data-testid="ticket-status">
            {ticket.status ? t(`${k}.statuses.${ticket.status}`) : <OutboxState state={ticket.state} glpiTicketId={ticket.glpiId} />}
          </dd>
          <dt>{t(`${k}.urgency`)}</dt><dd>{t(`${k}.urgencies.${ticket.urgency}`)}</dd>
          <dt>{t(`${k}.type`)}</dt><dd>{t(`${k}.types.${ticket.type}`)}</dd>
          {ticket.category ? <><dt>{t(`${k}.category`)}</dt><dd>{ticket.category}</dd></> : null}
          {ticket.openedAt ? <><dt>{t(`${k}.openedAt`)}</dt><dd>{formatPortalDate(ticket.openedAt, locale)}</dd></> : null}
          {ticket.solvedAt ? <><dt>{t(`${k}.solvedAt`)}</dt><dd>{formatPortalDate(ticket.solvedAt, locale)}</dd></> : null}
          {ticket.closedAt ? <><dt>{t(`${k}.closedAt`)}</dt><dd>{formatPortalDate(ticket.closedAt, locale)}</dd></> : null}
        </dl>
        {ticket.deadlines && ticket.open ? <TicketDeadlines deadlines={ticket.deadlines} locale={locale} /> : null}
      </section>

      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">{t(`${k}.conversation`)}</h2>
        <ol className="portal-conversation">
          <li className="portal-message portal-message--client">
            <p className="portal-message__who">{t(`${k}.you`)}{ticket.openedAt ? ` — ${formatPortalDate(ticket.openedAt, locale)}` : ''}</p>
            {/* Sanitized on the server (sanitize-glpi-html.ts) or escaped plain text from the outbox. */}
            <div className="portal-message__body" dangerouslySetInnerHTML={{ __html: ticket.html }} />
          </li>
          {ticket.followups.map((followup) => (
            <li key={followup.glpiId} className={`portal-message ${followup.fromSupport ? 'portal-message--support' : 'portal-message--client'}`} data-testid={followup.fromSupport ? 'support-answer' : 'client-reply'}>
              <p className="portal-message__who">
                {followup.fromSupport ? <strong>{t(`${k}.technician`)}</strong> : (followup.author ?? t(`${k}.you`))}
                {followup.postedAt ? ` — ${formatPortalDate(followup.postedAt, locale)}` : ''}
              </p>
              <div className="portal-message__body" dangerouslySetInnerHTML={{ __html: followup.html }} />
            </li>
          ))}
          {ticket.waitingReplies.map((reply) => (
            <li key={`outbox-${reply.outboxId}`} className="portal-message portal-message--client portal-message--waiting">
              <p className="portal-message__who">{t(`${k}.you`)} — <OutboxState state={reply.state} /></p>
              <div className="portal-message__body" dangerouslySetInnerHTML={{ __html: reply.html }} />
            </li>
          ))}
        </ol>
        {ticket.followups.length === 0 && ticket.waitingReplies.length === 0 ? <p className="muted">{t(`${k}.noFollowups`)}</p> : null}
      </section>

      {closed ? <p className="muted">{t(`${k}.closedNoReply`)}</p> : (
        <section className="card" aria-labelledby="reply-title">
          <h2 id="reply-title">{t(`${k}.reply`)}</h2>
          {search.get('replied') ? <FormAlert tone="success" message={`${k}.replied`} /> : null}
          <FormAlert message={failure?.formError} params={failure?.params} />
          <Form method="post" className="form">
            <div className={`field${error ? ' field--error' : ''}`}>
              <label htmlFor={fieldId}>{t(`${k}.replyField`)}</label>
              <textarea id={fieldId} name="content" rows={5} required defaultValue={failure?.values?.content ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fieldId}-error` : undefined} />
              {error ? <p id={`${fieldId}-error`} className="field__error" role="alert">{t(error)}</p> : null}
            </div>
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{t(`${k}.sendReply`)}</button>
          </Form>
        </section>
      )}
    </>
  );
}
