import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import type { Locale } from '../../../shared/i18n/locales';
import type { FormFailure } from '~/trpc.server';
import { formatCents, formatDate, formatDay } from '~/utils/billing-format';
import type { ProformaView } from './proforma-summary';

export const paymentProofUrl = (id: number) => `/payment-proofs/${id}/file`;
export const receiptUrl = (id: number) => `/receipts/${id}`;

/**
 * The staff's view of how a pro-forma is being paid: the mode the client chose, the proofs they
 * sent (a pending one is confirmed once the money is on the account, or rejected with a reason),
 * and the payments received with their receipts.
 */
export function PaymentSection({
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
  const pending = proforma.paymentProofs.find((p) => p.status === 'pending');
  if (!proforma.paymentMethod && proforma.payments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="bo-payments">
      <h2 id="bo-payments">{t('payments.title')}</h2>
      {proforma.paymentMethod ? (
        <p data-testid="chosen-mode">{t('payments.chosenMode', { mode: t(`paymentMethod.${proforma.paymentMethod}`) })}</p>
      ) : null}
      {proforma.next.payAtOffice ? <p className="muted">{t('payments.cashExpected')}</p> : null}
      {pending ? (
        <div className="billing-review">
          <h3>{t('payments.proofToReview')}</h3>
          <p>
            <a className="button button--ghost" href={paymentProofUrl(pending.id)}>
              {t('boBilling.openFile')} — {pending.originalName}
            </a>{' '}
            {t('payments.bankReference')} : <strong>{pending.bankReference}</strong>
          </p>
          <FormAlert message={failure?.formError} params={failure?.params} />
          <Form method="post" noValidate className="form">
            <input type="hidden" name="paymentProofId" value={pending.id} />
            <div className="form-row">
              <FormField
                name="paidOn"
                type="date"
                label={t('payments.paidOn')}
                defaultValue={failure?.values.paidOn}
                error={failure?.fieldErrors.paidOn}
              />
              <FormField
                name="reason"
                label={t('payments.rejectReason')}
                defaultValue={failure?.values.reason}
                error={failure?.fieldErrors.reason}
              />
            </div>
            <div className="billing-actions">
              <button type="submit" name="intent" value="confirm-proof" className="button" disabled={busy}>
                {t('payments.confirmProof')}
              </button>
              <button type="submit" name="intent" value="reject-proof" className="button button--ghost" disabled={busy}>
                {t('payments.rejectProof')}
              </button>
            </div>
          </Form>
        </div>
      ) : null}
      {proforma.paymentProofs.length > 0 ? (
        <ul className="list">
          {proforma.paymentProofs.map((p) => (
            <li key={p.id}>
              <span>
                <a href={paymentProofUrl(p.id)}>{p.originalName}</a> — {t(`paymentMethod.${p.method}`)} {p.bankReference} —{' '}
                {t(`payments.proofStatus.${p.status}`)}
                {p.rejectionReason ? ` — ${p.rejectionReason}` : ''}
              </span>
              <time dateTime={new Date(p.uploadedAt).toISOString()}>{formatDate(p.uploadedAt, locale)}</time>
            </li>
          ))}
        </ul>
      ) : null}
      {proforma.payments.length > 0 ? (
        <ul className="list">
          {proforma.payments.map((p) => (
            <li key={p.id}>
              <span>
                {t('payments.receiptLine', {
                  receipt: p.receiptNumber,
                  amount: formatCents(p.amountCents, locale),
                  mode: t(`paymentMethod.${p.method}`),
                  date: formatDay(p.paidOn, locale),
                })}
              </span>
              <a href={receiptUrl(p.id)}>{t('payments.downloadReceipt')}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
