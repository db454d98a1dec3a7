import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { ProformaSummary } from '~/components/billing/proforma-summary';
import { ClientPayment } from '~/components/billing/client-payment';
import { DatedList } from '~/components/billing/dated-list';
import { formFailure, formValues, type FormFailure } from '~/trpc.server';
import { clientPage, orNotFound } from '~/utils/page-access.server';
import { idParam } from '~/utils/route-params.server';
import { formatDay, purchaseOrderUrl } from '~/utils/billing-format';
import { titled } from '~/utils/page-title';

export const meta = titled('clientProforma');

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await clientPage(request, context);
  const proforma = await orNotFound(api.proformas.mine({ id: idParam(params.id) }));
  return data({ proforma, locale: ctx.locale }, { headers });
}

type Outcome = { intent: string; ok: true; message: string } | ({ intent: string } & FormFailure);

async function uploadAction(request: Request, proformaId: number, api: Awaited<ReturnType<typeof clientPage>>['api']): Promise<Outcome> {
  // A browser sends the length up front: answer "too large" without storing anything, but read
  // the body to its end (the server's size limit caps it at 11 MB) so that the browser receives
  // the answer instead of a reset.
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) {
    await drain(request);
    return { intent: 'upload', ...failure('file', 'errors.billing.poFileTooLarge', { max: 10 }) };
  }
  let form: FormData;
  try {
    // Streams the upload and stops past 10 MB instead of reading any size into memory.
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES + 1 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { intent: 'upload', ...failure('file', 'errors.billing.poFileTooLarge', { max: 10 }) };
    throw error;
  }
  const file = form.get('file');
  const proof = form.get('intent') === 'upload-proof';
  const intent = proof ? 'upload-proof' : 'upload';
  const bankReference = String(form.get('bankReference') ?? '');
  if (!file || typeof file === 'string' || (file.size === 0 && !file.name))
    return { intent, ...failure('file', 'validation.billing.file', {}, { bankReference }) };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (proof) {
      await api.payments.uploadProof({ proformaId, bankReference, fileName: file.name, bytes });
      return { intent, ok: true, message: 'payments.proofUploaded' };
    }
    await api.purchaseOrders.upload({ proformaId, fileName: file.name, bytes });
    return { intent, ok: true, message: 'po.uploaded' };
  } catch (error) {
    return { intent, ...formFailure(error, { bankReference }) };
  }
}

async function drain(request: Request): Promise<void> {
  const reader = request.body?.getReader();
  if (!reader) return;
  for (;;) {
    const { done } = await reader.read();
    if (done) return;
  }
}

const failure = (
  field: string,
  message: string,
  params: Record<string, string | number> = {},
  values: Record<string, string> = {},
): FormFailure => ({
  ok: false,
  formError: null,
  params,
  fieldErrors: { [field]: message },
  values,
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const proformaId = idParam(params.id);
  // Who is asking comes before reading a byte of what they sent.
  const { api, headers } = await clientPage(request, context);
  if (request.headers.get('content-type')?.startsWith('multipart/form-data'))
    return data(await uploadAction(request, proformaId, api), { headers });
  const values = formValues(await request.formData());
  const intent = values.intent ?? '';
  try {
    if (intent === 'accept') {
      await api.proformas.accept({ proformaId, paymentMethod: values.paymentMethod ?? '' });
      return data<Outcome>({ intent, ok: true, message: 'proforma.accepted' }, { headers });
    }
    await api.proformas.refuse({ proformaId, reason: values.reason });
    return data<Outcome>({ intent: 'refuse', ok: true, message: 'proforma.refused' }, { headers });
  } catch (error) {
    return data<Outcome>({ intent, ...formFailure(error, values) }, { headers });
  }
}

export default function ClientProforma() {
  const { proforma, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const failed = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const accept = failed('accept');
  const refuse = failed('refuse');
  const upload = failed('upload');
  const proofUpload = failed('upload-proof');
  const expired = proforma.status === 'expired' || proforma.pastValidity;
  const pendingOrder = proforma.purchaseOrders.find((o) => o.status === 'pending');
  const liveInvoice = proforma.invoices.find((i) => !i.creditNote);

  return (
    <>
      <p>
        <Link to="/portal/documents">← {t('documents.title')}</Link>
      </p>
      <h1>{t('proforma.title', { number: proforma.number })}</h1>
      {result?.ok ? <FormAlert tone="success" message={result.message} /> : null}
      {expired ? (
        <section className="alert alert--error" role="alert" aria-labelledby="expired-title">
          <h2 id="expired-title">{t('proforma.expiredTitle')}</h2>
          <p>{t('proforma.expiredBody', { number: proforma.number, date: formatDay(proforma.validUntil, locale) })}</p>
          <Link className="button" to={`/quote?from=${proforma.quoteRequestId}`}>
            {t('proforma.newQuote')}
          </Link>
        </section>
      ) : null}
      <ProformaSummary proforma={proforma} locale={locale} audience="client" />

      {proforma.next.respond ? (
        <div className="two-columns">
          <section className="card" aria-labelledby="accept-title">
            <h2 id="accept-title">{t('proforma.respondTitle')}</h2>
            <FormAlert message={accept?.formError} params={accept?.params} />
            <Form method="post" noValidate className="form">
              <fieldset
                className={`field${accept?.fieldErrors.paymentMethod ? ' field--error' : ''}`}
                aria-describedby={accept?.fieldErrors.paymentMethod ? 'method-error' : undefined}
              >
                <legend>{t('proforma.acceptLead')}</legend>
                {proforma.paymentMethods.map((m) => (
                  <label key={m.code} className="billing-choice">
                    <input type="radio" name="paymentMethod" value={m.code} defaultChecked={accept?.values.paymentMethod === m.code} />{' '}
                    {t(`paymentMethod.${m.code}`)}
                  </label>
                ))}
                {accept?.fieldErrors.paymentMethod ? (
                  <p id="method-error" className="field__error" role="alert">
                    {t(accept.fieldErrors.paymentMethod)}
                  </p>
                ) : null}
              </fieldset>
              <div>
                <button type="submit" name="intent" value="accept" className="button button--large" disabled={busy}>
                  {t('proforma.accept')}
                </button>
              </div>
            </Form>
          </section>
          <section className="card" aria-labelledby="refuse-title">
            <h2 id="refuse-title">{t('proforma.refuseTitle')}</h2>
            <FormAlert message={refuse?.formError} params={refuse?.params} />
            <Form method="post" noValidate className="form">
              <div className="field">
                <label htmlFor="refuse-reason">{t('proforma.reason')}</label>
                <textarea id="refuse-reason" name="reason" rows={3} defaultValue={refuse?.values.reason} />
              </div>
              <div>
                <button type="submit" name="intent" value="refuse" className="button button--ghost" disabled={busy}>
                  {t('proforma.refuse')}
                </button>
              </div>
            </Form>
          </section>
        </div>
      ) : null}

      {proforma.status === 'accepted' && proforma.paymentMethod ? (
        <ClientPayment proforma={proforma} locale={locale} failure={proofUpload} busy={busy} />
      ) : null}

      {proforma.status === 'accepted' && (proforma.paymentMethod === 'purchase_order' || proforma.purchaseOrders.length > 0) ? (
        <section className="card" aria-labelledby="po-title">
          <h2 id="po-title">{t('po.title')}</h2>
          {liveInvoice ? <p>{t('proforma.invoiced', { number: liveInvoice.number })}</p> : null}
          {pendingOrder ? <p>{t('po.waiting')}</p> : null}
          {proforma.purchaseOrders.some((o) => o.status === 'accepted') ? <p>{t('po.acceptedNote')}</p> : null}
          {proforma.next.uploadPurchaseOrder ? (
            <>
              <p>{t('po.uploadLead')}</p>
              <FormAlert message={upload?.formError} params={upload?.params} />
              <Form method="post" encType="multipart/form-data" noValidate className="form">
                <div className={`field${upload?.fieldErrors.file ? ' field--error' : ''}`}>
                  <label htmlFor="po-file">{t('po.file')}</label>
                  <input
                    id="po-file"
                    type="file"
                    name="file"
                    accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
                    required
                    aria-invalid={upload?.fieldErrors.file ? true : undefined}
                    aria-describedby={upload?.fieldErrors.file ? 'po-file-error' : undefined}
                  />
                  {upload?.fieldErrors.file ? (
                    <p id="po-file-error" className="field__error" role="alert">
                      {t(upload.fieldErrors.file, upload.params)}
                    </p>
                  ) : null}
                </div>
                <div>
                  <button type="submit" className="button" disabled={busy}>
                    {t('po.upload')}
                  </button>
                </div>
              </Form>
            </>
          ) : null}
          {proforma.purchaseOrders.length > 0 ? (
            <DatedList
              locale={locale}
              entries={proforma.purchaseOrders.map((o) => ({
                id: o.id,
                at: o.uploadedAt,
                content: (
                  <>
                    <a href={purchaseOrderUrl(o.id)}>{o.originalName}</a> — {t(`billingStatus.po.${o.status}`)}
                    {o.refusalReason ? ` — ${t('po.refusedBecause', { reason: o.refusalReason })}` : ''}
                  </>
                ),
              }))}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
