import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../shared/i18n/locales';
import { DatedList } from '~/components/billing/dated-list';
import { DocumentLinesTable } from '~/components/billing/document-lines-table';
import { PaymentMethodField } from '~/components/billing/payment-method-field';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, parseForm, serverApi } from '~/trpc.server';
import { invoicePaymentForm } from '~/utils/form-schemas.server';
import { orNotFound, staffPage } from '~/utils/page-access.server';
import { idParam } from '~/utils/route-params.server';
import { documentUrl, formatCents, formatDate, formatDay } from '~/utils/billing-format';
import { titled } from '~/utils/page-title';

export const meta = titled('invoice');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const invoice = await orNotFound(api.invoices.get({ id: idParam(params.id) }));
  return data({ invoice, locale: ctx.locale }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, ctx, headers } = await serverApi(request, context);
  const invoiceId = idParam(params.id);
  const intent = values.intent ?? '';
  try {
    if (intent === 'activate') {
      const s = await api.subscriptions.activate({ invoiceId, startDate: values.startDate || undefined });
      return data(
        {
          intent,
          ok: true as const,
          message: 'boBilling.activated',
          params: { start: formatDate(s.startAt, ctx.locale), end: formatDate(s.endAt, ctx.locale) },
        },
        { headers },
      );
    }
    if (intent === 'credit-note') {
      const note = await api.invoices.issueCreditNote({ invoiceId, reason: values.reason ?? '' });
      return data({ intent, ok: true as const, message: 'boBilling.creditNoteIssued', params: { number: note.number } }, { headers });
    }
    const paid = await api.invoices.markPaid({
      invoiceId,
      paidOn: values.paidOn || undefined,
      method: parseForm(invoicePaymentForm, { method: values.method || undefined }).method,
      reference: values.reference,
    });
    return data(
      { intent: 'mark-paid', ok: true as const, message: 'payments.recorded', params: { receipt: paid.receiptNumber } },
      { headers },
    );
  } catch (error) {
    return data({ intent, ...formFailure(error, values) }, { headers });
  }
}

export default function BackofficeInvoice() {
  const { invoice, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const failed = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const state = invoice.status;
  const service = locale === 'en' ? invoice.service.nameEn : invoice.service.nameFr;
  const activate = failed('activate');
  const credit = failed('credit-note');
  const paid = failed('mark-paid');
  return (
    <>
      <p>
        <Link to="/backoffice/invoices">← {t('boBilling.invoicesTitle')}</Link>
      </p>
      <h1 className="billing-heading">
        <span>{t('invoice.title', { number: invoice.number })}</span>
        <span className={`billing-status billing-status--${state}`}>{t(`billingStatus.invoice.${state}`)}</span>
      </h1>
      {result?.ok ? <FormAlert tone="success" message={result.message} params={result.params} /> : null}
      <section className="card" aria-labelledby="invoice-facts">
        <h2 id="invoice-facts">
          {invoice.company.name} — {service}
        </h2>
        <dl className="billing-facts">
          <div>
            <dt>{t('billing.date')}</dt>
            <dd>{formatDate(invoice.createdAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('billing.dueDate')}</dt>
            <dd>{formatDay(invoice.dueDate, locale)}</dd>
          </div>
          <div>
            <dt>{t('proforma.paymentMethod')}</dt>
            <dd>{t(`paymentMethod.${invoice.paymentMethod}`)}</dd>
          </div>
          <div>
            <dt>{t('billing.total')}</dt>
            <dd>
              <strong>{formatCents(invoice.totalInclTaxCents, locale)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('boBilling.proformaLink')}</dt>
            <dd>
              <Link to={`/backoffice/proformas/${invoice.proforma.id}`}>{invoice.proforma.number}</Link>
            </dd>
          </div>
          {invoice.paidAt ? (
            <div>
              <dt>{t('billing.paidOn')}</dt>
              <dd>{formatDate(invoice.paidAt, locale)}</dd>
            </div>
          ) : null}
        </dl>
        <DocumentLinesTable lines={invoice.lines} totals={invoice} locale={locale} />
        <p className="muted small">
          NIF {invoice.buyer.nif} · NIS {invoice.buyer.nis} · RC {invoice.buyer.rc} · AI {invoice.buyer.ai}
        </p>
        <p>
          <a className="button button--ghost" href={documentUrl('invoice', invoice.id)}>
            {t('billing.download')}
          </a>
          {invoice.creditNote ? (
            <a className="button button--ghost" href={documentUrl('creditNote', invoice.creditNote.id)}>
              {t('creditNote.title', { number: invoice.creditNote.number })}
            </a>
          ) : null}
        </p>
        {state === 'unpaid' ? (
          <Form method="post" noValidate className="form-row billing-inline-form">
            <FormField
              name="paidOn"
              type="date"
              label={t('boBilling.paidOn')}
              defaultValue={paid?.values.paidOn}
              error={paid?.fieldErrors.paidOn}
            />
            <PaymentMethodField id="paid-method" defaultValue={paid?.values.method ?? 'transfer'} error={paid?.fieldErrors.method} />
            <FormField
              name="reference"
              label={t('boBilling.reference')}
              defaultValue={paid?.values.reference}
              error={paid?.fieldErrors.reference}
            />
            <div>
              <button type="submit" name="intent" value="mark-paid" className="button" disabled={busy}>
                {t('boBilling.markPaid')}
              </button>
            </div>
            <FormAlert message={paid?.formError} params={paid?.params} />
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="invoice-subscription">
        <h2 id="invoice-subscription">{t('boBilling.subscriptionTitle')}</h2>
        {invoice.subscription ? (
          <p>
            {t('boBilling.activeFrom', {
              start: formatDate(invoice.subscription.startAt, locale),
              end: formatDate(invoice.subscription.endAt, locale),
              months: invoice.subscription.months,
            })}
          </p>
        ) : invoice.creditNote ? (
          <p className="muted">{t('errors.billing.invoiceCredited', { number: invoice.number })}</p>
        ) : (
          <Form method="post" noValidate className="form">
            <FormAlert message={activate?.formError} params={activate?.params} />
            <p>
              {service} — {t('billing.months', { count: invoice.proforma.months })}
            </p>
            <FormField
              name="startDate"
              type="date"
              label={t('boBilling.startDate')}
              hint={t('boBilling.startDateHint')}
              defaultValue={activate?.values.startDate}
              error={activate?.fieldErrors.startDate}
            />
            <div>
              <button type="submit" name="intent" value="activate" className="button button--large" disabled={busy}>
                {t('boBilling.activate')}
              </button>
            </div>
          </Form>
        )}
      </section>

      {!invoice.creditNote ? (
        <section className="card" id="credit-note" aria-labelledby="invoice-credit">
          <h2 id="invoice-credit">{t('boBilling.creditNoteTitle')}</h2>
          <p className="muted">{t('boBilling.creditNoteLead')}</p>
          <FormAlert message={credit?.formError} params={credit?.params} />
          <Form method="post" noValidate className="form">
            <div className={`field${credit?.fieldErrors.reason ? ' field--error' : ''}`}>
              <label htmlFor="credit-reason">{t('boBilling.creditNoteReason')}</label>
              <textarea
                id="credit-reason"
                name="reason"
                rows={3}
                required
                defaultValue={credit?.values.reason}
                aria-invalid={credit?.fieldErrors.reason ? true : undefined}
                aria-describedby={credit?.fieldErrors.reason ? 'credit-reason-error' : undefined}
              />
              {credit?.fieldErrors.reason ? (
                <p id="credit-reason-error" className="field__error" role="alert">
                  {t(credit.fieldErrors.reason)}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit" name="intent" value="credit-note" className="button button--ghost" disabled={busy}>
                {t('boBilling.issueCreditNote')}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <section className="card" aria-labelledby="invoice-credit">
          <h2 id="invoice-credit">{t('creditNote.title', { number: invoice.creditNote.number })}</h2>
          <p>
            {t('creditNote.reason')} : {invoice.creditNoteReason}
          </p>
        </section>
      )}
      <InvoiceHistory history={invoice.history} locale={locale} />
    </>
  );
}

function InvoiceHistory({
  history,
  locale,
}: {
  history: ReturnType<typeof useLoaderData<typeof loader>>['invoice']['history'];
  locale: Locale;
}) {
  const { t } = useTranslation();
  if (history.length === 0) return null;
  return (
    <section className="card" aria-labelledby="invoice-history">
      <h2 id="invoice-history">{t('invoiceHistory.title')}</h2>
      <DatedList
        ordered
        testId="invoice-history"
        locale={locale}
        entries={history.map((h) => ({
          id: h.id,
          at: h.at,
          content: (
            <>
              <strong>{t(`invoiceHistory.actions.${h.action}`, { defaultValue: h.action })}</strong>
              {h.actorName ? ` ${t('invoiceHistory.by', { name: h.actorName })}` : ''}
              {h.mismatches.length > 0 && h.action === 'purchaseOrder.override'
                ? ` — ${t('invoiceHistory.overridden', { checks: h.mismatches.map((m) => t(`po.checks.${m}`)).join(', ') })}`
                : ''}
              {h.reason ? ` — ${t('invoiceHistory.reason', { reason: h.reason })}` : ''}
            </>
          ),
        }))}
      />
    </section>
  );
}
