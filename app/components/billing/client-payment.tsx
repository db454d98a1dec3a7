import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import type { Locale } from '../../../shared/i18n/locales';
import type { FormFailure } from '~/trpc.server';
import { formatCents, formatDate, formatDay } from '~/utils/billing-format';
import { paymentProofUrl, receiptUrl } from './payment-section';
import type { ProformaView } from './proforma-summary';

/**
 * What the client's chosen mode asks of them, on their accepted pro-forma: the transfer's or
 * cheque's scan with its bank reference, or cash at the office; then the receipts. A purchase
 * order has its own section (the upload of the signed order).
 */
export function ClientPayment({
  proforma,
  locale,
  failure,
  busy,
}: {
  proforma: ProformaView;
  locale: Locale;
  failure: FormFailure | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const mode = proforma.paymentMethod!;
  const pending = proforma.paymentProofs.find((p) => p.status === 'pending');
  return (
    <section className="card" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('payments.clientTitle')}</h2>
      <p data-testid="chosen-mode">{t('payments.chosenMode', { mode: t(`paymentMethod.${mode}`) })}</p>
      {mode === 'cash' && proforma.next.payAtOffice ? (
        <p>{t('payments.cashLead', { total: formatCents(proforma.totalInclTaxCents, locale) })}</p>
      ) : null}
      {mode === 'transfer' || mode === 'cheque' ? (
        <p>{t(`payments.${mode}Lead`, { total: formatCents(proforma.totalInclTaxCents, locale) })}</p>
      ) : null}
      {pending ? <p>{t('payments.proofWaiting')}</p> : null}
      {proforma.next.uploadPaymentProof ? (
        <>
          <FormAlert message={failure?.formError} params={failure?.params} />
          <Form method="post" encType="multipart/form-data" noValidate className="form">
            <input type="hidden" name="intent" value="upload-proof" />
            <div className={`field${failure?.fieldErrors.bankReference ? ' field--error' : ''}`}>
              <label htmlFor="proof-reference">{t(mode === 'cheque' ? 'payments.chequeNumber' : 'payments.bankReference')}</label>
              <input
                id="proof-reference"
                name="bankReference"
                defaultValue={failure?.values.bankReference}
                required
                aria-invalid={failure?.fieldErrors.bankReference ? true : undefined}
                aria-describedby={failure?.fieldErrors.bankReference ? 'proof-reference-error' : undefined}
              />
              {failure?.fieldErrors.bankReference ? (
                <p id="proof-reference-error" className="field__error" role="alert">
                  {t(failure.fieldErrors.bankReference)}
                </p>
              ) : null}
            </div>
            <div className={`field${failure?.fieldErrors.file ? ' field--error' : ''}`}>
              <label htmlFor="proof-file">{t(mode === 'cheque' ? 'payments.chequeScan' : 'payments.transferScan')}</label>
              <input
                id="proof-file"
                type="file"
                name="file"
                accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
                required
                aria-invalid={failure?.fieldErrors.file ? true : undefined}
                aria-describedby={failure?.fieldErrors.file ? 'proof-file-error' : undefined}
              />
              {failure?.fieldErrors.file ? (
                <p id="proof-file-error" className="field__error" role="alert">
                  {t(failure.fieldErrors.file, failure.params)}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit" className="button" disabled={busy}>
                {t('payments.sendProof')}
              </button>
            </div>
          </Form>
        </>
      ) : null}
      {proforma.paymentProofs.length > 0 ? (
        <ul className="list">
          {proforma.paymentProofs.map((p) => (
            <li key={p.id}>
              <span>
                <a href={paymentProofUrl(p.id)}>{p.originalName}</a> — {p.bankReference} — {t(`payments.proofStatus.${p.status}`)}
                {p.rejectionReason ? ` — ${p.rejectionReason}` : ''}
              </span>
              <time dateTime={new Date(p.uploadedAt).toISOString()}>{formatDate(p.uploadedAt, locale)}</time>
            </li>
          ))}
        </ul>
      ) : null}
      {proforma.payments.map((p) => (
        <p key={p.id}>
          {t('payments.receiptLine', {
            receipt: p.receiptNumber,
            amount: formatCents(p.amountCents, locale),
            mode: t(`paymentMethod.${p.method}`),
            date: formatDay(p.paidOn, locale),
          })}{' '}
          <a href={receiptUrl(p.id)}>{t('payments.downloadReceipt')}</a>
        </p>
      ))}
    </section>
  );
}
