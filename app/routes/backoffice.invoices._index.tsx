import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { DocumentTable, type Column } from '~/components/billing/document-table';
import { Pager } from '~/components/pager';
import { FormAlert } from '~/components/form-alert';
import { formFailure, formValues, serverApi } from '~/trpc.server';
import { staffPage } from '~/utils/page-access.server';
import { documentUrl, formatCents, formatDate, formatDay } from '~/utils/billing-format';
import { titled } from '~/utils/page-title';

export const meta = titled('invoices');

const filters = ['all', 'unpaid', 'paid', 'credited'] as const;
type Filter = (typeof filters)[number];
const filterLabels: Record<Filter, string> = {
  all: 'boBilling.filterAll',
  unpaid: 'boBilling.filterUnpaid',
  paid: 'boBilling.filterPaid',
  credited: 'boBilling.filterCredited',
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await staffPage(request, context);
  const url = new URL(request.url);
  const status = (filters as readonly string[]).includes(url.searchParams.get('status') ?? '')
    ? (url.searchParams.get('status') as Filter)
    : 'all';
  const search = url.searchParams.get('q')?.slice(0, 100) ?? '';
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));
  const list = await api.invoices.list({ status, search: search || undefined, page });
  return data({ list, status, search, locale: ctx.locale }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  try {
    await api.invoices.markPaid({ invoiceId: Number(values.invoiceId) });
    return data({ ok: true as const, message: 'boBilling.markedPaid' }, { headers });
  } catch (error) {
    return data(formFailure(error, values), { headers });
  }
}

export default function BackofficeInvoices() {
  const { list, status, search, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const columns: Column<(typeof list.items)[number]>[] = [
    { header: t('billing.number'), cell: (i) => <Link to={`/backoffice/invoices/${i.id}`}>{i.number}</Link> },
    { header: t('billing.company'), cell: (i) => i.company.name },
    { header: t('billing.date'), cell: (i) => formatDate(i.createdAt, locale) },
    { header: t('billing.dueDate'), cell: (i) => formatDay(i.dueDate, locale) },
    { header: t('billing.total'), num: true, cell: (i) => formatCents(i.totalInclTaxCents, locale) },
    {
      header: t('billing.status'),
      cell: (i) => (
        <>
          <span className={`billing-status billing-status--${i.status}`}>{t(`billingStatus.invoice.${i.status}`)}</span>
          {i.creditNote ? <span className="muted small"> ({i.creditNote.number})</span> : null}
        </>
      ),
    },
    {
      header: <span className="billing-visually-hidden">PDF</span>,
      className: 'billing-actions',
      cell: (i) => (
        <>
          <a href={documentUrl('invoice', i.id)}>PDF</a>
          {i.status === 'unpaid' ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="invoiceId" value={i.id} />
              <button type="submit" className="button button--ghost" disabled={busy} aria-label={`${t('boBilling.markPaid')} ${i.number}`}>
                {t('boBilling.markPaid')}
              </button>
            </Form>
          ) : null}
          {!i.creditNote ? <Link to={`/backoffice/invoices/${i.id}#credit-note`}>{t('boBilling.creditNoteTitle')}</Link> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <h1>{t('boBilling.invoicesTitle')}</h1>
      {result?.ok ? (
        <FormAlert tone="success" message={result.message} />
      ) : (
        <FormAlert message={result?.formError} params={result?.params} />
      )}
      <Form method="get" className="search-form" role="search">
        <label htmlFor="invoice-filter">{t('boBilling.filter')}</label>
        <select id="invoice-filter" name="status" defaultValue={status} className="bo-select">
          {filters.map((f) => (
            <option key={f} value={f}>
              {t(filterLabels[f])}
            </option>
          ))}
        </select>
        <input type="search" name="q" defaultValue={search} aria-label={t('boBilling.search')} placeholder={t('boBilling.search')} />
        <button type="submit" className="button">
          {t('boBilling.searchSubmit')}
        </button>
      </Form>
      {list.items.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <DocumentTable caption={t('boBilling.invoicesTitle')} columns={columns} rows={list.items} />
      )}
      <Pager page={list.page} pageCount={pages} />
    </>
  );
}
