import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
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
import { ticketParam } from '~/utils/route-params.server';
import { formFailure } from '~/trpc.server';
import { signedInPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';
import { AttachmentField } from '~/components/portal/attachment-field';
import { readTicketForm } from '~/utils/ticket-attachment-form.server';
import { TicketFiles } from '~/components/portal/ticket-files';
import { SatisfactionForm } from '~/components/portal/satisfaction-form';

export const meta = titled('ticket');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ref = ticketParam(params.id);
  const { page, access, locale, headers } = await superClientPage(request, context, (api) => api.portal.tickets.conversation(ref));
  // Once GLPI has numbered it, the ticket has its real address.
  if (page && 'outboxId' in ref && page.glpiId) throw redirect(`/portal/tickets/${page.glpiId}${new URL(request.url).search}`, { headers });
  return data({ ticket: page, access, locale }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ref = ticketParam(params.id);
  const { api, headers } = await signedInPage(request, context);
  const { values, attachment, tooLarge } = await readTicketForm(request);
  if (values.intent === 'satisfaction' && 'glpiId' in ref) {
    try {
      await api.portal.tickets.rate({
        glpiId: ref.glpiId,
        rating: values.rating === undefined ? Number.NaN : Number(values.rating),
        comment: values.comment ?? '',
      });
    } catch (error) {
      return data({ ...formFailure(error, values), decision: null, satisfaction: true as const }, { status: 400, headers });
    }
    throw redirect(`${new URL(request.url).pathname}?rated=1`, { headers });
  }
  const decision = values.decision === 'approve' || values.decision === 'refuse' ? values.decision : null;
  if (tooLarge && !decision) {
    return data(
      {
        ok: false as const,
        formError: null,
        params: { max: 10 },
        fieldErrors: { attachment: 'errors.ticketAttachment.tooLarge' } as Record<string, string>,
        values,
        decision,
      },
      { status: 400, headers },
    );
  }
  try {
    if (decision && 'glpiId' in ref) await api.portal.tickets.decide({ glpiId: ref.glpiId, decision, content: values.comment ?? '' });
    else await api.portal.tickets.reply({ ...ref, content: values.content ?? '', ...(attachment ? { attachment } : {}) });
  } catch (error) {
    return data({ ...formFailure(error, values), decision }, { status: 400, headers });
  }
  const url = new URL(request.url);
  throw redirect(`${url.pathname}?${decision ? 'decided' : 'replied'}=1`, { headers });
}

export default function TicketPage() {
  const { ticket, access, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const rating = actionData && 'satisfaction' in actionData ? actionData : undefined;
  const failure = rating ? undefined : actionData;
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const fieldId = useId();
  const commentId = useId();
  if (!ticket) return <SubscriptionRequired access={access!} locale={locale} />;
  const k = 'clientPortal.tickets';
  const closed = ticket.status === 6 || ticket.state === 'failed';
  const error = failure?.decision ? undefined : failure?.fieldErrors?.content;
  const commentError = failure?.decision ? failure.fieldErrors?.content : undefined;
  const ticketPath = `/portal/tickets/${ticket.glpiId ?? `outbox-${ticket.outboxId}`}`;
  const filesOn = (itemtype: string, id: number) => ticket.files.filter((file) => file.on.itemtype === itemtype && file.on.id === id);
  const ticketFiles = ticket.files.filter((file) => file.on.itemtype === 'Ticket');
  return (
    <>
      <p>
        <Link to="/portal/tickets">{t(`${k}.back`)}</Link>
      </p>
      <h1>
        {ticket.glpiId ? `#${ticket.glpiId} ` : ''}
        {ticket.name}
      </h1>
      <SyncedAt at={ticket.syncedAt} locale={locale} />
      {search.get('created') ? <FormAlert tone="success" message={`${k}.created`} /> : null}
      <section className="card" aria-labelledby="ticket-facts">
        <h2 id="ticket-facts" className="portal-visually-hidden">
          {t(`${k}.ticketTitle`)}
        </h2>
        <dl className="portal-facts">
          <dt>{t(`${k}.status`)}</dt>
          <dd data-testid="ticket-status">
            {ticket.status ? (
              t(`${k}.statuses.${ticket.status}`)
            ) : (
              <OutboxState
                state={ticket.state}
                glpiTicketId={ticket.glpiId}
                awaitingAccount={'awaitingAccount' in ticket && ticket.awaitingAccount}
              />
            )}
          </dd>
          <dt>{t(`${k}.urgency`)}</dt>
          <dd>{t(`${k}.urgencies.${ticket.urgency}`)}</dd>
          <dt>{t(`${k}.type`)}</dt>
          <dd>{t(`${k}.types.${ticket.type}`)}</dd>
          {ticket.category ? (
            <>
              <dt>{t(`${k}.category`)}</dt>
              <dd>{ticket.category}</dd>
            </>
          ) : null}
          {ticket.assets.length > 0 ? (
            <>
              <dt>{t('ticketMore.linkedAsset')}</dt>
              <dd>
                <ul data-testid="ticket-assets">
                  {ticket.assets.map((asset) => (
                    <li key={`${asset.itemtype}:${asset.glpiId}`} data-testid="ticket-asset">
                      {asset.slug ? (
                        <Link to={`/portal/park/${asset.slug}/${asset.glpiId}`}>{asset.name ?? `#${asset.glpiId}`}</Link>
                      ) : (
                        (asset.name ?? `#${asset.glpiId}`)
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {ticket.openedAt ? (
            <>
              <dt>{t(`${k}.openedAt`)}</dt>
              <dd>{formatPortalDate(ticket.openedAt, locale)}</dd>
            </>
          ) : null}
          {ticket.solvedAt ? (
            <>
              <dt>{t(`${k}.solvedAt`)}</dt>
              <dd>{formatPortalDate(ticket.solvedAt, locale)}</dd>
            </>
          ) : null}
          {ticket.closedAt ? (
            <>
              <dt>{t(`${k}.closedAt`)}</dt>
              <dd>{formatPortalDate(ticket.closedAt, locale)}</dd>
            </>
          ) : null}
        </dl>
        {ticket.deadlines && ticket.open ? <TicketDeadlines deadlines={ticket.deadlines} locale={locale} /> : null}
      </section>

      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">{t(`${k}.conversation`)}</h2>
        <ol className="portal-conversation">
          <li className="portal-message portal-message--client">
            <p className="portal-message__who">
              {t(`${k}.you`)}
              {ticket.openedAt ? ` — ${formatPortalDate(ticket.openedAt, locale)}` : ''}
            </p>
            {/* Sanitized on the server (sanitize-glpi-html.ts) or escaped plain text from the outbox. */}
            <div className="portal-message__body" dangerouslySetInnerHTML={{ __html: ticket.html }} />
          </li>
          {ticket.followups.map((followup) => (
            <li
              key={followup.glpiId}
              className={`portal-message ${followup.fromSupport ? 'portal-message--support' : 'portal-message--client'}`}
              data-testid={followup.fromSupport ? 'support-answer' : 'client-reply'}
            >
              <p className="portal-message__who">
                {followup.fromSupport ? <strong>{t(`${k}.technician`)}</strong> : (followup.author ?? t(`${k}.you`))}
                {followup.postedAt ? ` — ${formatPortalDate(followup.postedAt, locale)}` : ''}
              </p>
              <div className="portal-message__body" dangerouslySetInnerHTML={{ __html: followup.html }} />
              <TicketFiles
                files={filesOn('ITILFollowup', followup.glpiId)}
                ticketPath={ticketPath}
                locale={locale}
                label={t('ticketFiles.onMessage')}
              />
            </li>
          ))}
          {ticket.waitingReplies.map((reply) => (
            <li key={`outbox-${reply.outboxId}`} className="portal-message portal-message--client portal-message--waiting">
              <p className="portal-message__who">
                {t(`${k}.you`)} — <OutboxState state={reply.state} />
              </p>
              <div className="portal-message__body" dangerouslySetInnerHTML={{ __html: reply.html }} />
            </li>
          ))}
        </ol>
        {ticket.followups.length === 0 && ticket.waitingReplies.length === 0 ? <p className="muted">{t(`${k}.noFollowups`)}</p> : null}
        <h3 id="ticket-files-title">{t('ticketFiles.title')}</h3>
        {ticketFiles.length > 0 ? (
          <TicketFiles files={ticketFiles} ticketPath={ticketPath} locale={locale} label={t('ticketFiles.title')} />
        ) : (
          <p className="muted">{t('ticketFiles.none')}</p>
        )}
      </section>

      {ticket.solutions.length > 0 ? (
        <section aria-labelledby="solutions-title">
          <h2 id="solutions-title">{t('ticketMore.solutions')}</h2>
          <ol className="portal-conversation">
            {ticket.solutions.map((solution) => (
              <li
                key={solution.glpiId}
                className="portal-message portal-message--support portal-message--solution"
                data-testid="ticket-solution"
                data-state={solution.state}
              >
                <p className="portal-message__who">
                  <strong>{t('ticketMore.solution')}</strong>
                  {solution.postedAt ? ` — ${formatPortalDate(solution.postedAt, locale)}` : ''}
                  {' — '}
                  <span data-testid="solution-state">{t(`ticketMore.solutionStates.${solution.state}`)}</span>
                </p>
                {/* Sanitized on the server (sanitize-glpi-html.ts). */}
                <div className="portal-message__body" dangerouslySetInnerHTML={{ __html: solution.html }} />
                <TicketFiles
                  files={filesOn('ITILSolution', solution.glpiId)}
                  ticketPath={ticketPath}
                  locale={locale}
                  label={t('ticketFiles.onMessage')}
                />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {ticket.satisfaction && (ticket.satisfaction.canAnswer || ticket.satisfaction.answeredAt) ? (
        <section className="card" aria-labelledby="satisfaction-title" data-testid="ticket-satisfaction">
          <h2 id="satisfaction-title">{t('satisfaction.portalTitle')}</h2>
          {search.get('rated') ? <FormAlert tone="success" message="satisfaction.thanks" /> : null}
          {ticket.satisfaction.answeredAt ? (
            <p data-testid="satisfaction-answer">
              <span aria-hidden="true">{'★'.repeat(ticket.satisfaction.rating ?? 0)} </span>
              {t('satisfaction.yourAnswer', { rating: ticket.satisfaction.rating ?? 0 })}
              {ticket.satisfaction.comment ? ` — ${ticket.satisfaction.comment}` : ''}
            </p>
          ) : (
            <>
              <p className="muted">{t('satisfaction.portalLead')}</p>
              <FormAlert message={rating?.formError} params={rating?.params} />
              <SatisfactionForm intent="satisfaction" values={rating?.values} fieldErrors={rating?.fieldErrors} />
            </>
          )}
        </section>
      ) : null}

      {search.get('decided') ? <FormAlert tone="success" message="ticketMore.decided" /> : null}
      {ticket.approval && ticket.approval.state !== 'failed' ? (
        <p className="muted" data-testid="approval-waiting">
          {t(`ticketMore.decisionWaiting.${ticket.approval.decision}`)}
        </p>
      ) : null}
      {ticket.canDecide ? (
        <section className="card" aria-labelledby="decide-title">
          <h2 id="decide-title">{t('ticketMore.decideTitle')}</h2>
          <p className="muted">{t('ticketMore.decideLead')}</p>
          {ticket.approval?.state === 'failed' ? <FormAlert message="ticketMore.decisionFailed" /> : null}
          {failure?.decision ? <FormAlert message={failure.formError} params={failure.params} /> : null}
          <Form method="post" className="form">
            <div className={`field${commentError ? ' field--error' : ''}`}>
              <label htmlFor={commentId}>{t('ticketMore.comment')}</label>
              <textarea
                id={commentId}
                name="comment"
                rows={4}
                defaultValue={failure?.values?.comment ?? ''}
                aria-invalid={commentError ? true : undefined}
                aria-describedby={`${commentId}-hint${commentError ? ` ${commentId}-error` : ''}`}
              />
              <p id={`${commentId}-hint`} className="muted">
                {t('ticketMore.commentHint')}
              </p>
              {commentError ? (
                <p id={`${commentId}-error`} className="field__error" role="alert">
                  {t(commentError)}
                </p>
              ) : null}
            </div>
            <div className="form-row">
              <button type="submit" name="decision" value="approve" className="button" disabled={navigation.state === 'submitting'}>
                {t('ticketMore.approve')}
              </button>
              <button
                type="submit"
                name="decision"
                value="refuse"
                className="button button--secondary"
                disabled={navigation.state === 'submitting'}
              >
                {t('ticketMore.refuse')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {closed ? (
        <p className="muted">{t(`${k}.closedNoReply`)}</p>
      ) : (
        <section className="card" aria-labelledby="reply-title">
          <h2 id="reply-title">{t(`${k}.reply`)}</h2>
          {search.get('replied') ? <FormAlert tone="success" message={`${k}.replied`} /> : null}
          {failure?.decision ? null : <FormAlert message={failure?.formError} params={failure?.params} />}
          <Form method="post" encType="multipart/form-data" className="form">
            <div className={`field${error ? ' field--error' : ''}`}>
              <label htmlFor={fieldId}>{t(`${k}.replyField`)}</label>
              <textarea
                id={fieldId}
                name="content"
                rows={5}
                required
                defaultValue={failure?.values?.content ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${fieldId}-error` : undefined}
              />
              {error ? (
                <p id={`${fieldId}-error`} className="field__error" role="alert">
                  {t(error)}
                </p>
              ) : null}
            </div>
            <AttachmentField error={failure?.decision ? undefined : failure?.fieldErrors?.attachment} params={failure?.params} />
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              {t(`${k}.sendReply`)}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
