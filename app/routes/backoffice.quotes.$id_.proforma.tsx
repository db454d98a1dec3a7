import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '~/i18n/use-translation';
import { FormAlert } from '~/components/form-alert';
import { FormField } from '~/components/form-field';
import { formFailure, formValues, requireUser, serverApi } from '~/trpc.server';
import { idParam, orNotFound, parseTypedNumber } from '~/utils/billing.server';
import { formatCents } from '~/utils/billing-format';
import { formatDa } from '~/utils/format';

export const meta: MetaFunction = () => [{ title: 'Émettre une pro forma — Y-tech' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await serverApi(request);
  requireUser(ctx, request);
  if (ctx.user.role === 'client') throw redirect('/portal');
  const draft = await orNotFound(api.proformas.draft({ quoteRequestId: idParam(params.id) }));
  return data({ draft, locale: ctx.locale }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request);
  const quoteRequestId = idParam(params.id);
  const count = Number(values.lineCount ?? 1);
  const lines = Array.from({ length: Math.min(Math.max(count, 1), 10) }, (_, i) => ({
    description: values[`lines.${i}.description`] ?? '',
    quantity: Number(values[`lines.${i}.quantity`]),
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

type LineState = { unitPriceDa: string; discountPercent: string; quantity: number };
const toNumber = (s: string) => Number(s.replace(/[\s\u00a0]/g, '').replace(',', '.'));

export default function IssueProforma() {
  const { draft, locale } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const [lines, setLines] = useState<LineState[]>(() =>
    draft.lines.map((l, i) => ({
      unitPriceDa: failure?.values[`lines.${i}.unitPriceDa`] ?? (l.unitPriceDa === null ? '' : String(l.unitPriceDa)),
      discountPercent: failure?.values[`lines.${i}.discountPercent`] ?? String(l.discountPercent),
      quantity: l.quantity,
    })),
  );
  // Shown as the commercial types; the server computes the same figures again and is the reference.
  const lineCents = lines.map((l) => {
    const price = toNumber(l.unitPriceDa);
    const discount = l.discountPercent === '' ? 0 : toNumber(l.discountPercent);
    return Number.isFinite(price) && Number.isFinite(discount) ? Math.round((l.quantity * Math.round(price * 100) * (100 - discount)) / 100) : null;
  });
  const complete = lineCents.every((c) => c !== null);
  const excl = complete ? lineCents.reduce<number>((s, c) => s + (c ?? 0), 0) : null;
  const vat = excl === null ? null : Math.round((excl * draft.vatRatePercent) / 100);
  const onInput = (event: FormEvent<HTMLDivElement>) => {
    const input = event.target as HTMLInputElement;
    const match = /^lines\.(\d+)\.(unitPriceDa|discountPercent)$/.exec(input.name);
    if (!match) return;
    const index = Number(match[1]);
    const key = match[2] as 'unitPriceDa' | 'discountPercent';
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
        {t('boBilling.issueLead', { id: draft.quote.id, company: draft.company.name, service, quantity: draft.quantity, months: draft.quote.durationMonths })}
      </p>
      {draft.quote.estimatedMonthlyPriceDa ? <p className="muted">{t('boBilling.estimate', { price: formatDa(draft.quote.estimatedMonthlyPriceDa, locale) })}</p> : null}
      {draft.aboveTopTier ? (
        <div className="alert billing-alert--warning" role="note">
          {t('boBilling.aboveTopTier')}
        </div>
      ) : null}
      <FormAlert message={failure?.formError} params={failure?.params} />
      <Form method="post" noValidate className="form card">
        <input type="hidden" name="lineCount" value={draft.lines.length} />
        <div className="form" onInput={onInput}>
          {draft.lines.map((line, i) => (
            <fieldset key={i} className="billing-line">
              <legend>
                {t('billing.lines')} {draft.lines.length > 1 ? i + 1 : ''}
              </legend>
              <FormField
                name={`lines.${i}.description`}
                label={t('billing.description')}
                required
                defaultValue={failure?.values[`lines.${i}.description`] ?? line.description}
                error={failure?.fieldErrors[`lines.${i}.description`]}
              />
              <input type="hidden" name={`lines.${i}.quantity`} value={line.quantity} />
              <div className="form-row">
                <p className="field">
                  <span className="billing-field-label">{t('billing.quantity')}</span>
                  <span>{line.quantity}</span>
                </p>
                <FormField
                  name={`lines.${i}.unitPriceDa`}
                  label={t('billing.unitPrice')}
                  type="text"
                  required
                  defaultValue={lines[i]!.unitPriceDa}
                  error={failure?.fieldErrors[`lines.${i}.unitPriceDa`]}
                />
                <FormField
                  name={`lines.${i}.discountPercent`}
                  label={t('billing.discount')}
                  type="text"
                  defaultValue={lines[i]!.discountPercent}
                  error={failure?.fieldErrors[`lines.${i}.discountPercent`]}
                />
                <p className="field">
                  <span className="billing-field-label">{t('billing.lineTotal')}</span>
                  <output aria-live="polite">{lineCents[i] === null ? '—' : formatCents(lineCents[i]!, locale)}</output>
                </p>
              </div>
            </fieldset>
          ))}
        </div>
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
        <FormField name="validUntil" type="date" label={t('billing.validUntil')} required defaultValue={failure?.values.validUntil ?? draft.validUntil} error={failure?.fieldErrors.validUntil} />
        <div>
          <button type="submit" className="button button--large" disabled={busy}>
            {t('boBilling.issue')}
          </button>
        </div>
      </Form>
    </>
  );
}
