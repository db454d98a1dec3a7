import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { orNotFound, staffPage } from '~/utils/page-access.server';
import { parseTypedNumber } from '~/utils/billing.server';
import { idParam } from '~/utils/route-params.server';
import { formatCents } from '~/utils/billing-format';
import { formatDa } from '../../shared/format';
import { titled } from '~/utils/page-title';

export const meta = titled('issueProforma');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const draft = await orNotFound(api.proformas.draft({ quoteRequestId: idParam(params.id) }));
  return data({ draft, locale: ctx.locale }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  const quoteRequestId = idParam(params.id);
  const count = Number(values.lineCount ?? 1);
  // Without JavaScript, "add a line" comes back here: the form is drawn again with one more line, nothing is issued.
  if (values.intent === 'add-line') {
    return data(
      {
        ok: false as const,
        formError: null,
        params: {},
        fieldErrors: {} as Record<string, string>,
        values: { ...values, lineCount: String(Math.min(count + 1, 10)) } as Record<string, string>,
      },
      { headers },
    );
  }
  const lines = Array.from({ length: Math.min(Math.max(count, 1), 10) }, (_, i) => ({
    description: values[`lines.${i}.description`] ?? '',
    quantity: parseTypedNumber(values[`lines.${i}.quantity`]),
    unitPriceDa: parseTypedNumber(values[`lines.${i}.unitPriceDa`]),
    discountPercent: values[`lines.${i}.discountPercent`] ? parseTypedNumber(values[`lines.${i}.discountPercent`]) : 0,
  }));
  try {
    const proforma = await api.proformas.issue({ quoteRequestId, lines, validUntil: values.validUntil || undefined });
    return redirect(`/backoffice/proformas/${proforma.id}?issued=1`, { headers });
  } catch (error) {
    return data(formFailure(error, values), { headers });
  }
}

type LineState = { description: string; unitPriceDa: string; discountPercent: string; quantity: string; fixedQuantity: boolean };

/** Lines a commercial adds beside the service: each kind pre-fills a French description (printed on the PDF). */
const extraLineKinds = ['intervention', 'hardware', 'setup', 'other'] as const;
const extraLineDescriptions: Record<(typeof extraLineKinds)[number], string> = {
  intervention: 'Intervention sur site (déplacement et main-d’œuvre)',
  hardware: 'Matériel : ',
  setup: 'Frais de mise en service',
  other: '',
};
const toNumber = (s: string) => Number(s.replace(/[\s\u00a0]/g, '').replace(',', '.'));

export default function IssueProforma() {
  const { draft, locale } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const [lines, setLines] = useState<LineState[]>(() => {
    const count = Math.max(Number(failure?.values.lineCount ?? draft.lines.length), draft.lines.length);
    return Array.from({ length: count }, (_, i) => {
      const drafted = draft.lines[i];
      return {
        description: failure?.values[`lines.${i}.description`] ?? drafted?.description ?? '',
        unitPriceDa:
          failure?.values[`lines.${i}.unitPriceDa`] ?? (drafted ? (drafted.unitPriceDa === null ? '' : String(drafted.unitPriceDa)) : ''),
        discountPercent: failure?.values[`lines.${i}.discountPercent`] ?? String(drafted?.discountPercent ?? 0),
        quantity: failure?.values[`lines.${i}.quantity`] ?? String(drafted?.quantity ?? 1),
        // The service's quantity is the subscription's duration, set by the quote.
        fixedQuantity: drafted !== undefined,
      };
    });
  });
  const [newKind, setNewKind] = useState<(typeof extraLineKinds)[number]>('intervention');
  const addLine = (event: React.MouseEvent) => {
    event.preventDefault();
    setLines((current) =>
      current.length >= 10
        ? current
        : [
            ...current,
            { description: extraLineDescriptions[newKind], unitPriceDa: '', discountPercent: '0', quantity: '1', fixedQuantity: false },
          ],
    );
  };
  const removeLine = (index: number) => setLines((current) => current.filter((_, i) => i !== index));
  // Shown as the commercial types; the server computes the same figures again and is the reference.
  const lineCents = lines.map((l) => {
    const price = toNumber(l.unitPriceDa);
    const quantity = toNumber(l.quantity);
    const discount = l.discountPercent === '' ? 0 : toNumber(l.discountPercent);
    return l.unitPriceDa.trim() !== '' && Number.isFinite(price) && Number.isFinite(quantity) && Number.isFinite(discount)
      ? Math.round((quantity * Math.round(price * 100) * (100 - discount)) / 100)
      : null;
  });
  const complete = lineCents.every((c) => c !== null);
  const excl = complete ? lineCents.reduce<number>((s, c) => s + (c ?? 0), 0) : null;
  const vat = excl === null ? null : Math.round((excl * draft.vatRatePercent) / 100);
  const onInput = (event: FormEvent<HTMLDivElement>) => {
    const input = event.target as HTMLInputElement;
    const match = /^lines\.(\d+)\.(description|quantity|unitPriceDa|discountPercent)$/.exec(input.name);
    if (!match) return;
    const index = Number(match[1]);
    const key = match[2] as 'description' | 'quantity' | 'unitPriceDa' | 'discountPercent';
    setLines((current) => current.map((l, i) => (i === index ? { ...l, [key]: input.value } : l)));
  };
  const service = locale === 'en' ? draft.service.nameEn : draft.service.nameFr;

  return (
    <>
      <p>
        <Link to={`/backoffice/quotes/${draft.quote.id}`}>← {t('boBilling.quoteLink')}</Link>
      </p>
      <h1>{t('boBilling.issueTitle')}</h1>
      <p className="billing-lead">
        {t('boBilling.issueLead', {
          id: draft.quote.id,
          company: draft.company.name,
          service,
          quantity: draft.quantity,
          months: draft.quote.durationMonths,
        })}
      </p>
      {draft.quote.estimatedMonthlyPriceDa ? (
        <p className="muted">{t('boBilling.estimate', { price: formatDa(draft.quote.estimatedMonthlyPriceDa, locale) })}</p>
      ) : null}
      {draft.aboveTopTier ? (
        <div className="alert billing-alert--warning" role="note">
          {t('boBilling.aboveTopTier')}
        </div>
      ) : null}
      <FormAlert message={failure?.formError} params={failure?.params} />
      <Form method="post" noValidate className="form card">
        <input type="hidden" name="lineCount" value={lines.length} />
        <div className="form" onInput={onInput}>
          {lines.map((line, i) => (
            <fieldset key={i} className="billing-line">
              <legend>
                {t('billing.lines')} {lines.length > 1 ? i + 1 : ''}
              </legend>
              <FormField
                name={`lines.${i}.description`}
                label={t('billing.description')}
                required
                defaultValue={line.description}
                error={failure?.fieldErrors[`lines.${i}.description`]}
              />
              <div className="form-row">
                {line.fixedQuantity ? (
                  <p className="field">
                    <input type="hidden" name={`lines.${i}.quantity`} value={line.quantity} />
                    <span className="billing-field-label">{t('billing.quantity')}</span>
                    <span>{line.quantity}</span>
                  </p>
                ) : (
                  <FormField
                    name={`lines.${i}.quantity`}
                    label={t('proformaLines.quantity')}
                    type="text"
                    required
                    defaultValue={line.quantity}
                    error={failure?.fieldErrors[`lines.${i}.quantity`]}
                  />
                )}
                <FormField
                  name={`lines.${i}.unitPriceDa`}
                  label={line.fixedQuantity ? t('billing.unitPrice') : t('proformaLines.unitPrice')}
                  type="text"
                  required
                  defaultValue={line.unitPriceDa}
                  error={failure?.fieldErrors[`lines.${i}.unitPriceDa`]}
                />
                <FormField
                  name={`lines.${i}.discountPercent`}
                  label={t('billing.discount')}
                  type="text"
                  defaultValue={line.discountPercent}
                  error={failure?.fieldErrors[`lines.${i}.discountPercent`]}
                />
                <p className="field">
                  <span className="billing-field-label">{t('billing.lineTotal')}</span>
                  <output aria-live="polite">{lineCents[i] === null ? '—' : formatCents(lineCents[i]!, locale)}</output>
                </p>
              </div>
              {!line.fixedQuantity ? (
                <button type="button" className="button button--ghost" onClick={() => removeLine(i)}>
                  {t('proformaLines.remove', { n: i + 1 })}
                </button>
              ) : null}
            </fieldset>
          ))}
        </div>
        {lines.length < 10 ? (
          <div className="form-row billing-add-line">
            <div className="field">
              <label htmlFor="new-line-kind">{t('proformaLines.kind')}</label>
              <select id="new-line-kind" value={newKind} onChange={(e) => setNewKind(e.target.value as (typeof extraLineKinds)[number])}>
                {extraLineKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`proformaLines.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit" name="intent" value="add-line" className="button button--ghost" onClick={addLine}>
                {t('proformaLines.add')}
              </button>
            </div>
          </div>
        ) : null}
        <table className="table billing-totals">
          <caption>{t('boBilling.liveTotals')}</caption>
          <tbody aria-live="polite">
            <tr>
              <th scope="row">{t('billing.totalExclTax')}</th>
              <td className="num">{excl === null ? '—' : formatCents(excl, locale)}</td>
            </tr>
            <tr>
              <th scope="row">{t('billing.vat', { rate: draft.vatRatePercent })}</th>
              <td className="num">{vat === null ? '—' : formatCents(vat, locale)}</td>
            </tr>
            <tr>
              <th scope="row">{t('billing.totalInclTax')}</th>
              <td className="num">
                <strong>{excl === null || vat === null ? '—' : formatCents(excl + vat, locale)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        <FormField
          name="validUntil"
          type="date"
          label={t('billing.validUntil')}
          required
          defaultValue={failure?.values.validUntil ?? draft.validUntil}
          error={failure?.fieldErrors.validUntil}
        />
        <div>
          <button type="submit" className="button button--large" disabled={busy}>
            {t('boBilling.issue')}
          </button>
        </div>
      </Form>
    </>
  );
}
