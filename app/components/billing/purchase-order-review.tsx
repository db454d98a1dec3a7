import { Form } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import type { Locale } from '~/i18n/locales';
import type { FormFailure } from '~/trpc.server';
import { formatCents, purchaseOrderUrl } from '~/utils/billing-format';
import type { ProformaView } from './proforma-summary';

type Order = ProformaView['purchaseOrders'][number];

/**
 * The commercial's review of an uploaded purchase order: open the file, type the client's PO
 * number and amount, see at once whether it matches the pro-forma total, accept or refuse.
 */
export function PurchaseOrderReview({ order, totalInclTaxCents, locale, failure, busy }: { order: Order; totalInclTaxCents: number; locale: Locale; failure: FormFailure | undefined; busy: boolean }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(failure?.values.amountDa ?? '');
  const typed = Number(amount.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  const match = amount.trim() === '' || !Number.isFinite(typed) ? null : Math.round(typed * 100) === totalInclTaxCents;
  return (
    <div className="billing-review">
      <h3>{t('boBilling.reviewTitle')}</h3>
      <p>
        <a className="button button--ghost" href={purchaseOrderUrl(order.id)}>
          {t('boBilling.openFile')} — {order.originalName}
        </a>
      </p>
      <FormAlert message={failure?.formError} params={failure?.params} />
      <Form method="post" noValidate className="form">
        <input type="hidden" name="purchaseOrderId" value={order.id} />
        <div className="form-row">
          <FormField name="poNumber" label={t('boBilling.poNumber')} defaultValue={failure?.values.poNumber} error={failure?.fieldErrors.poNumber} />
          <div className={`field${failure?.fieldErrors.amountDa ? ' field--error' : ''}`}>
            <label htmlFor="po-amount">{t('boBilling.amount')}</label>
            <p id="po-amount-hint" className="field__hint">
              {t('boBilling.expected', { total: formatCents(totalInclTaxCents, locale) })}
            </p>
            <input
              id="po-amount"
              name="amountDa"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-describedby="po-amount-hint po-amount-match"
              aria-invalid={failure?.fieldErrors.amountDa ? true : undefined}
            />
            <p id="po-amount-match" className={`billing-match-text billing-match-text--${match === null ? 'none' : match ? 'yes' : 'no'}`} aria-live="polite">
              {match === null ? '' : match ? `✓ ${t('boBilling.match')}` : `≠ ${t('boBilling.mismatch')}`}
            </p>
            {failure?.fieldErrors.amountDa ? (
              <p className="field__error" role="alert">
                {t(failure.fieldErrors.amountDa)}
              </p>
            ) : null}
          </div>
        </div>
        <div className="field">
          <label htmlFor="po-reason">{t('boBilling.refuseReason')}</label>
          <textarea id="po-reason" name="reason" rows={3} defaultValue={failure?.values.reason} aria-invalid={failure?.fieldErrors.reason ? true : undefined} aria-describedby={failure?.fieldErrors.reason ? 'po-reason-error' : undefined} />
          {failure?.fieldErrors.reason ? (
            <p id="po-reason-error" className="field__error" role="alert">
              {t(failure.fieldErrors.reason)}
            </p>
          ) : null}
        </div>
        <div className="billing-actions">
          <button type="submit" name="intent" value="accept-po" className="button" disabled={busy}>
            {t('boBilling.acceptPo')}
          </button>
          <button type="submit" name="intent" value="refuse-po" className="button button--ghost" disabled={busy}>
            {t('boBilling.refusePo')}
          </button>
        </div>
      </Form>
    </div>
  );
}
