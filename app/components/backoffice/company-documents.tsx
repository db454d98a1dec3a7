import type { inferRouterOutputs } from '@trpc/server';
import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { documentUrl, formatCents, formatDate, formatDay, purchaseOrderUrl } from '~/utils/billing-format';
import type { AppRouter } from '../../../server/trpc/root-router';

type Documents = inferRouterOutputs<AppRouter>['backoffice']['companies']['overview']['documents'];

/** A company's pro-formas, purchase orders, invoices and credit notes, each linked to its back-office page and file. */
export function CompanyDocuments({ documents, locale }: { documents: Documents; locale: Locale }) {
  const { t } = useTranslation();
  const { proformas, purchaseOrders, invoices, creditNotes } = documents;
  // A credit note corrects one of the company's own invoices: link it to that invoice's page.
  const invoiceIdOf = new Map(invoices.map((i) => [i.number, i.id]));
  if (proformas.length + purchaseOrders.length + invoices.length + creditNotes.length === 0)
    return <p className="muted">{t('boCompany.noDocuments')}</p>;
  return (
    <div className="bo-documents">
      {proformas.length > 0 ? (
        <table className="table">
          <caption>{t('boCompany.proformas')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('boCompany.number')}</th>
              <th scope="col">{t('boCompany.date')}</th>
              <th scope="col">{t('boCompany.validUntil')}</th>
              <th scope="col" className="num">
                {t('boCompany.amount')}
              </th>
              <th scope="col">{t('boCompany.status')}</th>
              <th scope="col">{t('boCompany.pdf')}</th>
            </tr>
          </thead>
          <tbody>
            {proformas.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/backoffice/proformas/${p.id}`}>{p.number}</Link>
                </th>
                <td>{formatDate(p.createdAt, locale)}</td>
                <td>{formatDay(p.validUntil, locale)}</td>
                <td className="num">{formatCents(p.totalInclTaxCents, locale)}</td>
                <td>
                  <span className={`billing-status billing-status--${p.status}`}>{t(`boCompany.proformaStatus.${p.status}`)}</span>
                </td>
                <td>
                  <a href={documentUrl('proforma', p.id)} aria-label={`${t('boCompany.pdf')} ${p.number}`}>
                    {t('boCompany.pdf')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {purchaseOrders.length > 0 ? (
        <table className="table">
          <caption>{t('boCompany.purchaseOrders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('boCompany.file')}</th>
              <th scope="col">{t('boCompany.proforma')}</th>
              <th scope="col">{t('boCompany.date')}</th>
              <th scope="col">{t('boCompany.status')}</th>
            </tr>
          </thead>
          <tbody>
            {purchaseOrders.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <a href={purchaseOrderUrl(o.id)}>{o.originalName}</a>
                </th>
                <td>
                  <Link to={`/backoffice/proformas/${o.proforma.id}`}>{o.proforma.number}</Link>
                </td>
                <td>{formatDate(o.createdAt, locale)}</td>
                <td>
                  <span className={`billing-status billing-status--${o.status}`}>{t(`boCompany.orderStatus.${o.status}`)}</span>
                  {o.refusalReason ? <span className="muted small"> — {o.refusalReason}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {invoices.length > 0 ? (
        <table className="table">
          <caption>{t('boCompany.invoices')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('boCompany.number')}</th>
              <th scope="col">{t('boCompany.date')}</th>
              <th scope="col">{t('boCompany.dueDate')}</th>
              <th scope="col" className="num">
                {t('boCompany.amount')}
              </th>
              <th scope="col">{t('boCompany.status')}</th>
              <th scope="col">{t('boCompany.pdf')}</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => {
              const state = i.credited ? 'credited' : i.paidAt ? 'paid' : 'unpaid';
              return (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/backoffice/invoices/${i.id}`}>{i.number}</Link>
                  </th>
                  <td>{formatDate(i.createdAt, locale)}</td>
                  <td>{formatDay(i.dueDate, locale)}</td>
                  <td className="num">{formatCents(i.totalInclTaxCents, locale)}</td>
                  <td>
                    <span className={`billing-status billing-status--${state}`}>{t(`boCompany.invoiceStatus.${state}`)}</span>
                  </td>
                  <td>
                    <a href={documentUrl('invoice', i.id)} aria-label={`${t('boCompany.pdf')} ${i.number}`}>
                      {t('boCompany.pdf')}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {creditNotes.length > 0 ? (
        <table className="table">
          <caption>{t('boCompany.creditNotes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('boCompany.number')}</th>
              <th scope="col">{t('boCompany.invoice')}</th>
              <th scope="col">{t('boCompany.date')}</th>
              <th scope="col" className="num">
                {t('boCompany.amount')}
              </th>
              <th scope="col">{t('boCompany.reason')}</th>
              <th scope="col">{t('boCompany.pdf')}</th>
            </tr>
          </thead>
          <tbody>
            {creditNotes.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.number}</th>
                <td>
                  {invoiceIdOf.has(c.invoiceNumber) ? (
                    <Link to={`/backoffice/invoices/${invoiceIdOf.get(c.invoiceNumber)}`}>{c.invoiceNumber}</Link>
                  ) : (
                    c.invoiceNumber
                  )}
                </td>
                <td>{formatDate(c.createdAt, locale)}</td>
                <td className="num">{formatCents(c.totalInclTaxCents, locale)}</td>
                <td>{c.reason}</td>
                <td>
                  <a href={documentUrl('creditNote', c.id)} aria-label={`${t('boCompany.pdf')} ${c.number}`}>
                    {t('boCompany.pdf')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
