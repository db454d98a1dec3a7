import { Form } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import type { Locale } from '../../../shared/i18n/locales';
import type { FormFailure } from '~/trpc.server';
import { formatCents, formatDay, purchaseOrderUrl } from '~/utils/billing-format';
import type { ProformaView } from './proforma-summary';

type Order = ProformaView['purchaseOrders'][number];
type Check = 'number' | 'amountExclTax' | 'amountInclTax' | 'date';

const typedCents = (value: string) => {
  const n = Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return value.trim() === '' || !Number.isFinite(n) ? null : Math.round(n * 100);
};
const algiersDay = (date: Date | string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date(date));

/**
 * The commercial's review of an uploaded purchase order: open the file, type what it says (its
 * number, the pro-forma it cites, its date, HT and TTC), see each check against the pro-forma at
 * once, accept or refuse. The server compares again: a differing order is accepted only with a
 * written override reason.
 */
export function PurchaseOrderReview({
  order,
  proforma,
  locale,
  failure,
  busy,
}: {
  order: Order;
  proforma: ProformaView;
  locale: Locale;
  failure: FormFailure | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    proformaReference: failure?.values.proformaReference ?? '',
    poDate: failure?.values.poDate ?? '',
    amountExclTaxDa: failure?.values.amountExclTaxDa ?? '',
    amountDa: failure?.values.amountDa ?? '',
  });
  const set = (name: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const issued = algiersDay(proforma.createdAt);
  const checks: { check: Check; typed: boolean; ok: boolean; expected: string }[] = [
    {
      check: 'number',
      typed: values.proformaReference.trim() !== '',
      ok: values.proformaReference.replace(/\s/g, '').toUpperCase() === proforma.number,
      expected: proforma.number,
    },
    {
      check: 'amountExclTax',
      typed: typedCents(values.amountExclTaxDa) !== null,
      ok: typedCents(values.amountExclTaxDa) === proforma.totalExclTaxCents,
      expected: formatCents(proforma.totalExclTaxCents, locale),
    },
    {
      check: 'amountInclTax',
      typed: typedCents(values.amountDa) !== null,
      ok: typedCents(values.amountDa) === proforma.totalInclTaxCents,
      expected: formatCents(proforma.totalInclTaxCents, locale),
    },
    {
      check: 'date',
      typed: values.poDate !== '',
      ok: values.poDate >= issued && values.poDate <= proforma.validUntil,
      expected: t('po.dateRange', { from: formatDay(issued, locale), to: formatDay(proforma.validUntil, locale) }),
    },
  ];
  const mismatch = checks.some((c) => c.typed && !c.ok);
  const field = (name: keyof typeof values, label: string, type = 'text') => (
    <div className={`field${failure?.fieldErrors[name] ? ' field--error' : ''}`}>
      <label htmlFor={`po-${name}`}>{label}</label>
      <input
        id={`po-${name}`}
        name={name}
        type={type}
        inputMode={type === 'text' && name !== 'proformaReference' ? 'decimal' : undefined}
        value={values[name]}
        onChange={set(name)}
        aria-invalid={failure?.fieldErrors[name] ? true : undefined}
        aria-describedby={failure?.fieldErrors[name] ? `po-${name}-error` : 'po-checks'}
      />
      {failure?.fieldErrors[name] ? (
        <p id={`po-${name}-error`} className="field__error" role="alert">
          {t(failure.fieldErrors[name])}
        </p>
      ) : null}
    </div>
  );
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
          <FormField
            name="poNumber"
            label={t('boBilling.poNumber')}
            defaultValue={failure?.values.poNumber}
            error={failure?.fieldErrors.poNumber}
          />
          {field('proformaReference', t('po.proformaReference'))}
          {field('poDate', t('po.poDate'), 'date')}
        </div>
        <div className="form-row">
          {field('amountExclTaxDa', t('po.amountExclTax'))}
          {field('amountDa', t('boBilling.amount'))}
        </div>
        <table className="table billing-checks" id="po-checks" aria-live="polite">
          <caption>{t('po.checksTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('po.check')}</th>
              <th scope="col">{t('po.expected')}</th>
              <th scope="col">{t('po.result')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.check} data-testid={`po-check-${c.check}`}>
                <th scope="row">{t(`po.checks.${c.check}`)}</th>
                <td>{c.expected}</td>
                <td className={`billing-match-text billing-match-text--${!c.typed ? 'none' : c.ok ? 'yes' : 'no'}`}>
                  {!c.typed ? '—' : c.ok ? `✓ ${t('po.matches')}` : `≠ ${t('po.differs')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {checks.every((c) => c.typed && c.ok) ? <p className="billing-match-text billing-match-text--yes">{t('boBilling.match')}</p> : null}
        {mismatch ? (
          <p className="alert alert--error" role="alert">
            {t('po.mismatchBlocks')}
          </p>
        ) : null}
        <div className={`field${failure?.fieldErrors.overrideReason ? ' field--error' : ''}`}>
          <label htmlFor="po-override">{t('po.overrideReason')}</label>
          <p id="po-override-hint" className="field__hint">
            {t('po.overrideHint')}
          </p>
          <textarea
            id="po-override"
            name="overrideReason"
            rows={2}
            defaultValue={failure?.values.overrideReason}
            aria-invalid={failure?.fieldErrors.overrideReason ? true : undefined}
            aria-describedby={failure?.fieldErrors.overrideReason ? 'po-override-hint po-override-error' : 'po-override-hint'}
          />
          {failure?.fieldErrors.overrideReason ? (
            <p id="po-override-error" className="field__error" role="alert">
              {t(failure.fieldErrors.overrideReason, failure.params)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="po-reason">{t('boBilling.refuseReason')}</label>
          <textarea
            id="po-reason"
            name="reason"
            rows={3}
            defaultValue={failure?.values.reason}
            aria-invalid={failure?.fieldErrors.reason ? true : undefined}
            aria-describedby={failure?.fieldErrors.reason ? 'po-reason-error' : undefined}
          />
          {failure?.fieldErrors.reason ? (
            <p id="po-reason-error" className="field__error" role="alert">
              {t(failure.fieldErrors.reason)}
            </p>
          ) : null}
        </div>
        <div className="billing-actions">
          <button type="submit" name="intent" value="accept-po" className="button" disabled={busy}>
            {mismatch ? t('po.acceptAnyway') : t('boBilling.acceptPo')}
          </button>
          <button type="submit" name="intent" value="refuse-po" className="button button--ghost" disabled={busy}>
            {t('boBilling.refusePo')}
          </button>
        </div>
      </Form>
    </div>
  );
}
