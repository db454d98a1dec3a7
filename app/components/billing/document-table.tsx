import type { inferRouterOutputs } from '@trpc/server';
import type { ReactNode } from 'react';
import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { documentUrl, formatCents, formatDate, formatDay, purchaseOrderUrl } from '~/utils/billing-format';
import type { AppRouter } from '../../../server/trpc/root-router';

/** A company's documents: the list its clients see in the portal and staff on its back-office page. */
export type DocumentList = inferRouterOutputs<AppRouter>['documents']['list'];

export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Amounts: aligned as numbers, header included. */
  num?: boolean;
  className?: string;
};

/**
 * A list of documents as one table: the first column heads each row. `captionHidden` where a visible
 * heading above already names the table (screen readers still hear the caption).
 */
export function DocumentTable<Row extends { id: number }>({
  caption,
  captionHidden = false,
  columns,
  rows,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
}) {
  const [first, ...rest] = columns;
  return (
    <table className="table">
      <caption className={captionHidden ? 'billing-visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.num ? 'num' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{first?.cell(row)}</th>
            {rest.map((column, index) => (
              <td key={index} className={column.num ? 'num' : column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Side = 'portal' | 'backoffice';

/** The client reads the portal's words and pages; staff read the back office's, with each invoice's page. */
const sides = {
  portal: {
    headers: {
      number: 'billing.number',
      date: 'billing.date',
      validUntil: 'billing.validUntil',
      total: 'billing.total',
      status: 'billing.status',
      dueDate: 'billing.dueDate',
      file: 'po.fileName',
      proforma: 'documents.forProforma',
      sentOn: 'po.uploadedAt',
      invoice: 'creditNote.invoice',
    },
    statuses: { proforma: 'billingStatus.proforma', order: 'billingStatus.po', invoice: 'billingStatus.invoice' },
    proformaPage: (id: number) => `/portal/proformas/${id}`,
    invoicePage: null,
    creditNoteReason: false,
  },
  backoffice: {
    headers: {
      number: 'boCompany.number',
      date: 'boCompany.date',
      validUntil: 'boCompany.validUntil',
      total: 'boCompany.amount',
      status: 'boCompany.status',
      dueDate: 'boCompany.dueDate',
      file: 'boCompany.file',
      proforma: 'boCompany.proforma',
      sentOn: 'boCompany.date',
      invoice: 'boCompany.invoice',
    },
    statuses: { proforma: 'boCompany.proformaStatus', order: 'boCompany.orderStatus', invoice: 'boCompany.invoiceStatus' },
    proformaPage: (id: number) => `/backoffice/proformas/${id}`,
    invoicePage: (id: number) => `/backoffice/invoices/${id}`,
    creditNoteReason: true,
  },
} as const;

/** The columns of a company's four document tables, as the portal or the back office shows them. */
export function useDocumentColumns(side: Side, documents: DocumentList, locale: Locale) {
  const { t } = useTranslation();
  const { headers, statuses, proformaPage, invoicePage, creditNoteReason } = sides[side];
  const h = (key: keyof typeof headers) => t(headers[key]);
  const pdf = (kind: 'proforma' | 'invoice' | 'creditNote', row: { id: number; number: string }) =>
    side === 'portal' ? (
      <a href={documentUrl(kind, row.id)} aria-label={t('billing.downloadNamed', { name: row.number })}>
        {t('billing.download')}
      </a>
    ) : (
      <a href={documentUrl(kind, row.id)} aria-label={`${t('boCompany.pdf')} ${row.number}`}>
        {t('boCompany.pdf')}
      </a>
    );
  const pdfHeader = side === 'portal' ? 'PDF' : t('boCompany.pdf');
  const status = (state: string, key: string) => <span className={`billing-status billing-status--${state}`}>{t(`${key}.${state}`)}</span>;
  // A credit note corrects one of the company's own invoices: staff follow it to that invoice's page.
  const invoiceIdOf = new Map(documents.invoices.map((i) => [i.number, i.id]));
  const invoiceLink = (number: string, id: number | undefined) =>
    invoicePage && id !== undefined ? <Link to={invoicePage(id)}>{number}</Link> : number;

  type Of<K extends keyof DocumentList> = DocumentList[K][number];
  const proformas: Column<Of<'proformas'>>[] = [
    { header: h('number'), cell: (p) => <Link to={proformaPage(p.id)}>{p.number}</Link> },
    { header: h('date'), cell: (p) => formatDate(p.createdAt, locale) },
    { header: h('validUntil'), cell: (p) => formatDay(p.validUntil, locale) },
    { header: h('total'), num: true, cell: (p) => formatCents(p.totalInclTaxCents, locale) },
    { header: h('status'), cell: (p) => status(p.status, statuses.proforma) },
    { header: pdfHeader, cell: (p) => pdf('proforma', p) },
  ];
  const purchaseOrders: Column<Of<'purchaseOrders'>>[] = [
    { header: h('file'), cell: (o) => <a href={purchaseOrderUrl(o.id)}>{o.originalName}</a> },
    { header: h('proforma'), cell: (o) => <Link to={proformaPage(o.proforma.id)}>{o.proforma.number}</Link> },
    { header: h('sentOn'), cell: (o) => formatDate(o.createdAt, locale) },
    {
      header: h('status'),
      cell: (o) => (
        <>
          {status(o.status, statuses.order)}
          {o.refusalReason ? <span className="muted small"> — {o.refusalReason}</span> : null}
        </>
      ),
    },
  ];
  const invoices: Column<Of<'invoices'>>[] = [
    { header: h('number'), cell: (i) => invoiceLink(i.number, i.id) },
    { header: h('date'), cell: (i) => formatDate(i.createdAt, locale) },
    { header: h('dueDate'), cell: (i) => formatDay(i.dueDate, locale) },
    { header: h('total'), num: true, cell: (i) => formatCents(i.totalInclTaxCents, locale) },
    { header: h('status'), cell: (i) => status(i.credited ? 'credited' : i.paidAt ? 'paid' : 'unpaid', statuses.invoice) },
    { header: pdfHeader, cell: (i) => pdf('invoice', i) },
  ];
  const creditNotes: Column<Of<'creditNotes'>>[] = [
    { header: h('number'), cell: (c) => c.number },
    { header: h('invoice'), cell: (c) => invoiceLink(c.invoiceNumber, invoiceIdOf.get(c.invoiceNumber)) },
    { header: h('date'), cell: (c) => formatDate(c.createdAt, locale) },
    { header: h('total'), num: true, cell: (c) => formatCents(c.totalInclTaxCents, locale) },
    ...(creditNoteReason ? [{ header: t('boCompany.reason'), cell: (c: Of<'creditNotes'>) => c.reason }] : []),
    { header: pdfHeader, cell: (c) => pdf('creditNote', c) },
  ];
  return { proformas, purchaseOrders, invoices, creditNotes };
}
