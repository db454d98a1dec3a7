import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { clientPage } from '~/utils/page-access.server';
import { DocumentTable, useDocumentColumns, type Column } from '~/components/billing/document-table';
import { titled } from '~/utils/page-title';

export const meta = titled('documents');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await clientPage(request, context);
  if (ctx.user.companyRole === 'member') throw new Response('errors.companyRoleRequired', { status: 403 });
  const documents = ctx.user.companyId ? await api.documents.list() : { proformas: [], purchaseOrders: [], invoices: [], creditNotes: [] };
  return data({ documents, locale: ctx.locale }, { headers });
}

export default function ClientDocuments() {
  const { documents, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const columns = useDocumentColumns('portal', documents, locale);
  return (
    <>
      <h1>{t('documents.title')}</h1>
      <p className="muted">{t('documents.lead')}</p>
      <p>
        <Link to="/portal/balance">{t('balance.title')} →</Link>
      </p>
      <DocumentSection id="docs-proformas" title={t('documents.proformas')} rows={documents.proformas} columns={columns.proformas} />
      <DocumentSection
        id="docs-po"
        title={t('documents.purchaseOrders')}
        rows={documents.purchaseOrders}
        columns={columns.purchaseOrders}
      />
      <DocumentSection id="docs-invoices" title={t('documents.invoices')} rows={documents.invoices} columns={columns.invoices} />
      <DocumentSection id="docs-credit" title={t('documents.creditNotes')} rows={documents.creditNotes} columns={columns.creditNotes} />
    </>
  );
}

/** One kind of document in its card, titled; said to be empty rather than left out. */
function DocumentSection<Row extends { id: number }>({
  id,
  title,
  rows,
  columns,
}: {
  id: string;
  title: string;
  rows: Row[];
  columns: Column<Row>[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <DocumentTable caption={title} captionHidden columns={columns} rows={rows} />
      )}
    </section>
  );
}
