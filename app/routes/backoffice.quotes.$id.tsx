import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { formFailure, formValues, parseForm, serverApi } from '~/trpc.server';
import { callOutcomeForm } from '~/utils/form-schemas.server';
import { orNotFound, staffPage } from '~/utils/page-access.server';
import { callOutcomes } from '~/utils/backoffice-quotes.server';
import { formatDa, formatDateTime } from '../../shared/format';
import { idParam } from '~/utils/route-params.server';
import { titled } from '~/utils/page-title';

export const meta = titled('quote');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const quote = await orNotFound(api.quotes.detail({ quoteId: idParam(params.id) }));
  return data({ quote, outcomes: callOutcomes, locale: ctx.locale }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const quoteId = idParam(params.id);
  try {
    if (values.intent === 'markContacted') {
      await api.quotes.markContacted({ quoteId });
      return data({ ok: true as const, message: 'boQuotes.markedContacted' }, { headers });
    }
    const { outcome } = parseForm(callOutcomeForm, values);
    await api.quotes.logCall({ quoteId, outcome, note: values.note });
    return data({ ok: true as const, message: 'boQuotes.callLogged' }, { headers });
  } catch (error) {
    return data(formFailure(error, values), { headers });
  }
}

export default function BackofficeQuote() {
  const { quote, outcomes, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : null;
  const c = quote.company;
  const none = t('quote.none');
  return (
    <>
      <p>
        <Link to="/backoffice/quotes">← {t('boQuotes.backToList')}</Link>
      </p>
      <div className="bo-quote-head">
        <div>
          <h1>{t('boQuotes.detailTitle', { reference: quote.reference })}</h1>
          <p className="muted">
            {t('boQuotes.receivedOn', { date: formatDateTime(quote.createdAt, locale) })} ·{' '}
            <span className={`quote-status quote-status--${quote.status}`}>{t(`boQuotes.status.${quote.status}`)}</span>
          </p>
        </div>
        <Link to={`/backoffice/quotes/${quote.id}/proforma`} className="button button--large">
          {t('boQuotes.createProforma')}
        </Link>
      </div>
      {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
      <FormAlert message={failure?.formError} params={failure?.params} />
      <div className="two-columns">
        <section className="card" aria-labelledby="bo-company">
          <h2 id="bo-company">{t('boQuotes.companyTitle')}</h2>
          <p>
            <strong>{c.name}</strong>
            <br />
            {[c.sector, c.employeeRange].filter(Boolean).join(' · ')}
            <br />
            {c.address}
          </p>
          {c.phone ? (
            <p>
              <a href={`tel:${c.phone}`}>{c.phone}</a>
            </p>
          ) : null}
          <p className="muted small">
            {t('boQuotes.legalIds', { rc: c.rc ?? none, nif: c.nif ?? none, nis: c.nis ?? none, ai: c.ai ?? none })}
          </p>
          {quote.requester ? (
            <>
              <h3>{t('boQuotes.contactTitle')}</h3>
              <p>
                {quote.requester.name}
                <br />
                <a href={`mailto:${quote.requester.email}`}>{quote.requester.email}</a>
                {quote.requester.phone ? (
                  <>
                    <br />
                    <a href={`tel:${quote.requester.phone}`}>{quote.requester.phone}</a>
                  </>
                ) : null}
              </p>
            </>
          ) : null}
        </section>
        <section className="card" aria-labelledby="bo-request">
          <h2 id="bo-request">{t('boQuotes.requestTitle')}</h2>
          <dl className="quote-review">
            <div className="quote-review__row">
              <dt>{t('quote.service')}</dt>
              <dd>{locale === 'en' ? quote.service.nameEn : quote.service.nameFr}</dd>
            </div>
            {(['ticketsPerMonth', 'pcsCount', 'softwareCount'] as const)
              .filter((k) => quote[k] !== null)
              .map((k) => (
                <div className="quote-review__row" key={k}>
                  <dt>{t(`quote.${k}`)}</dt>
                  <dd>{quote[k]}</dd>
                </div>
              ))}
            <div className="quote-review__row">
              <dt>{t('quote.durationMonths')}</dt>
              <dd>{t('quote.months', { count: quote.durationMonths })}</dd>
            </div>
            <div className="quote-review__row">
              <dt>{t('quote.estimateTitle')}</dt>
              <dd>
                {quote.estimatedMonthlyPriceDa === null
                  ? t('quote.estimateCustom')
                  : t('quote.estimateAmount', { price: formatDa(quote.estimatedMonthlyPriceDa, locale) })}
              </dd>
            </div>
          </dl>
          {quote.description ? <p className="bo-description">{quote.description}</p> : null}
          {quote.previousQuoteId ? (
            <p className="muted small">
              <Link to={`/backoffice/quotes/${quote.previousQuoteId}`}>
                {t('boQuotes.previousQuote', { reference: `#${quote.previousQuoteId}` })}
              </Link>
            </p>
          ) : null}
        </section>
      </div>
      <div className="two-columns">
        <section className="card" aria-labelledby="bo-calls">
          <h2 id="bo-calls">{t('boQuotes.callsTitle')}</h2>
          <Form method="post" className="form" key={result?.ok ? `${result.message}-${quote.calls.length}` : 'call'}>
            <div className={`field${failure?.fieldErrors.outcome ? ' field--error' : ''}`}>
              <label htmlFor="bo-outcome">{t('boQuotes.outcome')}</label>
              <select
                id="bo-outcome"
                name="outcome"
                defaultValue={failure?.values.outcome ?? ''}
                aria-invalid={failure?.fieldErrors.outcome ? true : undefined}
              >
                <option value="">{t('account.choose')}</option>
                {outcomes.map((o) => (
                  <option key={o} value={o}>
                    {t(`boQuotes.outcomes.${o}`)}
                  </option>
                ))}
              </select>
              {failure?.fieldErrors.outcome ? (
                <p className="field__error" role="alert">
                  {t(failure.fieldErrors.outcome)}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="bo-note">{t('boQuotes.note')}</label>
              <textarea id="bo-note" name="note" rows={3} defaultValue={failure?.values.note} />
            </div>
            <div className="quote-actions">
              <button type="submit" name="intent" value="logCall" className="button" disabled={busy}>
                {t('boQuotes.logCall')}
              </button>
              {quote.status === 'new' ? (
                <button type="submit" name="intent" value="markContacted" className="button button--ghost" disabled={busy}>
                  {t('boQuotes.markContacted')}
                </button>
              ) : null}
            </div>
          </Form>
          {quote.calls.length === 0 ? (
            <p className="muted">{t('boQuotes.noCalls')}</p>
          ) : (
            <ul className="list bo-calls">
              {quote.calls.map((call) => (
                <li key={call.id}>
                  <div>
                    <strong>{t(`boQuotes.outcomes.${call.outcome}`)}</strong>
                    {call.callerName ? <span className="muted"> — {call.callerName}</span> : null}
                    {call.note ? <p className="bo-description">{call.note}</p> : null}
                  </div>
                  <time dateTime={new Date(call.at).toISOString()}>{formatDateTime(call.at, locale)}</time>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="bo-timeline">
          <h2 id="bo-timeline">{t('boQuotes.timelineTitle')}</h2>
          <ol className="list bo-timeline">
            {quote.timeline.map((event, index) => (
              <li key={index}>
                <span>
                  {t(`boQuotes.timeline.${event.kind}`, {
                    defaultValue: event.kind,
                    ...event.params,
                    outcome: event.params.outcome ? t(`boQuotes.outcomes.${event.params.outcome}`) : '',
                  })}
                  {event.actorName ? <span className="muted"> {t('boQuotes.by', { name: event.actorName })}</span> : null}
                </span>
                <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at, locale)}</time>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <section className="card" aria-labelledby="bo-proformas">
        <h2 id="bo-proformas">{t('boQuotes.proformasTitle')}</h2>
        {quote.proformas.length === 0 ? (
          <p className="muted">{t('boQuotes.noProformas')}</p>
        ) : (
          <table className="table">
            <caption className="sales-visually-hidden">{t('boQuotes.proformasTitle')}</caption>
            <tbody>
              {quote.proformas.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.number}</th>
                  <td>{formatDateTime(p.createdAt, locale)}</td>
                  <td className="num">{formatDa(p.totalInclTaxCents / 100, locale)}</td>
                  <td>{t('boQuotes.validUntil', { date: p.validUntil })}</td>
                  <td>{t(`boQuotes.proformaStatus.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Link to={`/backoffice/quotes/${quote.id}/proforma`} className="button">
          {t('boQuotes.createProforma')}
        </Link>
      </section>
    </>
  );
}
