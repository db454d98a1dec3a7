import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../shared/i18n/locales';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { ProformaSummary } from '~/components/billing/proforma-summary';
import { PurchaseOrderReview } from '~/components/billing/purchase-order-review';
import { PaymentSection } from '~/components/billing/payment-section';
import { PaymentMethodField } from '~/components/billing/payment-method-field';
import { formFailure, formValues, parseForm, serverApi } from '~/trpc.server';
import { proformaPaymentForm } from '~/utils/form-schemas.server';
import { orNotFound, staffPage } from '~/utils/page-access.server';
import { parseTypedNumber } from '~/utils/billing.server';
import { idParam } from '~/utils/route-params.server';
import { documentUrl, formatCents, formatDate } from '~/utils/billing-format';
import { titled } from '~/utils/page-title';

export const meta = titled('proforma');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const proforma = await orNotFound(api.proformas.get({ id: idParam(params.id) }));
  return data({ proforma, locale: ctx.locale }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const proformaId = idParam(params.id);
  try {
    if (values.intent === 'accept-po' || values.intent === 'refuse-po') {
      await api.purchaseOrders.review({
        purchaseOrderId: Number(values.purchaseOrderId),
        decision: values.intent === 'accept-po' ? 'accept' : 'refuse',
        poNumber: values.poNumber,
        proformaReference: values.proformaReference,
        poDate: values.poDate || undefined,
        amountExclTaxDa: values.amountExclTaxDa ? parseTypedNumber(values.amountExclTaxDa) : undefined,
        amountDa: values.amountDa ? parseTypedNumber(values.amountDa) : undefined,
        reason: values.reason,
        overrideReason: values.overrideReason,
      });
      return data({ intent: values.intent, ok: true as const, message: 'boBilling.reviewed', params: {} }, { headers });
    }
    if (values.intent === 'record-payment') {
      const paid = await api.proformas.recordPayment({
        proformaId,
        method: parseForm(proformaPaymentForm, values).method,
        reference: values.reference,
        paidOn: values.paidOn || undefined,
      });
      return data(
        { intent: values.intent, ok: true as const, message: 'payments.recorded', params: { receipt: paid.receiptNumber } },
        { headers },
      );
    }
    if (values.intent === 'confirm-proof' || values.intent === 'reject-proof') {
      const reviewed = await api.payments.reviewProof({
        paymentProofId: Number(values.paymentProofId),
        decision: values.intent === 'confirm-proof' ? 'confirm' : 'reject',
        paidOn: values.paidOn || undefined,
        reason: values.reason,
      });
      return data(
        {
          intent: values.intent,
          ok: true as const,
          message: reviewed.receiptNumber ? 'payments.recorded' : 'payments.proofRejected',
          params: { receipt: reviewed.receiptNumber ?? '' },
        },
        { headers },
      );
    }
    const invoice = await api.invoices.issue({ proformaId });
    return data(
      { intent: 'issue-invoice', ok: true as const, message: 'boBilling.invoiceIssued', params: { number: invoice.number } },
      { headers },
    );
  } catch (error) {
    return data({ intent: values.intent ?? '', ...formFailure(error, values) }, { headers });
  }
}

export default function BackofficeProforma() {
  const { proforma, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const failed = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const pendingOrder = proforma.purchaseOrders.find((o) => o.status === 'pending');
  const review = failed('accept-po') ?? failed('refuse-po');
  const payment = failed('record-payment');
  const issue = failed('issue-invoice');

  return (
    <>
      <p>
        <Link to={`/backoffice/quotes/${proforma.quoteRequestId}`}>← {t('boBilling.quoteLink')}</Link>
      </p>
      <h1>{t('boBilling.proformaTitle', { number: proforma.number })}</h1>
      {search.get('issued') ? <FormAlert tone="success" message="staffNotice.proformaIssued" params={{ number: proforma.number }} /> : null}
      {result?.ok ? <FormAlert tone="success" message={result.message} params={result.params} /> : null}
      <ProformaSummary proforma={proforma} locale={locale} audience="staff" />

      {proforma.paymentMethod === 'purchase_order' || proforma.purchaseOrders.length > 0 ? (
        <section className="card" aria-labelledby="bo-po">
          <h2 id="bo-po">{t('po.title')}</h2>
          {pendingOrder ? (
            <PurchaseOrderReview order={pendingOrder} proforma={proforma} locale={locale} failure={review} busy={busy} />
          ) : null}
          <PurchaseOrderTable orders={proforma.purchaseOrders} locale={locale} />
        </section>
      ) : null}

      <PaymentSection proforma={proforma} locale={locale} failure={failed('confirm-proof') ?? failed('reject-proof')} busy={busy} />

      {proforma.next.recordPayment ? (
        <section className="card" aria-labelledby="bo-payment">
          <h2 id="bo-payment">{t('boBilling.recordTitle')}</h2>
          <FormAlert message={payment?.formError} params={payment?.params} />
          <Form method="post" noValidate className="form">
            <input type="hidden" name="intent" value="record-payment" />
            <div className="form-row">
              <PaymentMethodField
                id="payment-method"
                defaultValue={payment?.values.method ?? proforma.paymentMethod ?? 'transfer'}
                error={payment?.fieldErrors.method}
              />
              <FormField
                name="reference"
                label={t('boBilling.reference')}
                defaultValue={payment?.values.reference}
                error={payment?.fieldErrors.reference}
              />
              <FormField
                name="paidOn"
                type="date"
                label={t('payments.paidOn')}
                defaultValue={payment?.values.paidOn}
                error={payment?.fieldErrors.paidOn}
              />
            </div>
            <div>
              <button type="submit" className="button" disabled={busy}>
                {t('boBilling.record')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="bo-invoice">
        <h2 id="bo-invoice">{t('boBilling.invoiceTitle')}</h2>
        <FormAlert message={issue?.formError} params={issue?.params} />
        {proforma.invoices.length > 0 ? (
          <ul className="list">
            {proforma.invoices.map((i) => (
              <li key={i.id}>
                <span>
                  <Link to={`/backoffice/invoices/${i.id}`}>{i.number}</Link> — {formatCents(i.totalInclTaxCents, locale)}
                  {i.creditNote
                    ? ` — ${t('billingStatus.invoice.credited')} (${i.creditNote.number})`
                    : i.paidAt
                      ? ` — ${t('billingStatus.invoice.paid')}`
                      : ''}
                </span>
                <a href={documentUrl('invoice', i.id)}>{t('billing.download')}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {proforma.next.issueInvoice ? (
          <Form method="post">
            <button type="submit" name="intent" value="issue-invoice" className="button button--large" disabled={busy}>
              {t('boBilling.issueInvoice')}
            </button>
          </Form>
        ) : proforma.invoices.length === 0 ? (
          <p className="muted">{t('errors.billing.invoiceNeedsPaymentProof')}</p>
        ) : null}
      </section>
    </>
  );
}

function PurchaseOrderTable({
  orders,
  locale,
}: {
  orders: ReturnType<typeof useLoaderData<typeof loader>>['proforma']['purchaseOrders'];
  locale: Locale;
}) {
  const { t } = useTranslation();
  if (orders.length === 0) return <p className="muted">{t('documents.empty')}</p>;
  return (
    <table className="table">
      <caption>{t('po.list')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('po.fileName')}</th>
          <th scope="col">{t('po.uploadedAt')}</th>
          <th scope="col">{t('boBilling.poNumber')}</th>
          <th scope="col" className="num">
            {t('boBilling.amount')}
          </th>
          <th scope="col">{t('billing.status')}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <td>
              <a href={`/purchase-orders/${o.id}/file`}>{o.originalName}</a>
            </td>
            <td>{formatDate(o.uploadedAt, locale)}</td>
            <td>{o.poNumber ?? '—'}</td>
            <td className="num">
              {o.amountCents === null ? '—' : formatCents(o.amountCents, locale)}{' '}
              {o.match === null ? null : (
                <span className={`billing-match billing-match--${o.match ? 'yes' : 'no'}`}>{o.match ? '✓' : '≠'}</span>
              )}
            </td>
            <td>
              <span className={`billing-status billing-status--${o.status}`}>{t(`billingStatus.po.${o.status}`)}</span>
              {o.refusalReason ? <span className="muted small"> — {o.refusalReason}</span> : null}
              {o.overrideReason ? <span className="muted small"> — {t('po.overridden', { reason: o.overrideReason })}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
