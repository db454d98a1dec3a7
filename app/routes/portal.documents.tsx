import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { clientPage } from '~/utils/page-access.server';
import { documentUrl, formatCents, formatDate, formatDay, purchaseOrderUrl } from '~/utils/billing-format';
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
  const download = t('billing.download');
  return (
    <>
      <h1>{t('documents.title')}</h1>
      <p className="muted">{t('documents.lead')}</p>
      <p>
        <Link to="/portal/balance">{t('balance.title')} →</Link>
      </p>

      <section className="card" aria-labelledby="docs-proformas">
        <h2 id="docs-proformas">{t('documents.proformas')}</h2>
        {documents.proformas.length === 0 ? (
          <p className="muted">{t('documents.empty')}</p>
        ) : (
          <table className="table">
            <caption className="billing-visually-hidden">{t('documents.proformas')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('billing.number')}</th>
                <th scope="col">{t('billing.date')}</th>
                <th scope="col">{t('billing.validUntil')}</th>
                <th scope="col" className="num">
                  {t('billing.total')}
                </th>
                <th scope="col">{t('billing.status')}</th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {documents.proformas.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/portal/proformas/${p.id}`}>{p.number}</Link>
                  </th>
                  <td>{formatDate(p.createdAt, locale)}</td>
                  <td>{formatDay(p.validUntil, locale)}</td>
                  <td className="num">{formatCents(p.totalInclTaxCents, locale)}</td>
                  <td>
                    <span className={`billing-status billing-status--${p.status}`}>{t(`billingStatus.proforma.${p.status}`)}</span>
                  </td>
                  <td>
                    <a href={documentUrl('proforma', p.id)} aria-label={t('billing.downloadNamed', { name: p.number })}>
                      {download}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="docs-po">
        <h2 id="docs-po">{t('documents.purchaseOrders')}</h2>
        {documents.purchaseOrders.length === 0 ? (
          <p className="muted">{t('documents.empty')}</p>
        ) : (
          <table className="table">
            <caption className="billing-visually-hidden">{t('documents.purchaseOrders')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('po.fileName')}</th>
                <th scope="col">{t('documents.forProforma')}</th>
                <th scope="col">{t('po.uploadedAt')}</th>
                <th scope="col">{t('billing.status')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.purchaseOrders.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <a href={purchaseOrderUrl(o.id)}>{o.originalName}</a>
                  </th>
                  <td>
                    <Link to={`/portal/proformas/${o.proforma.id}`}>{o.proforma.number}</Link>
                  </td>
                  <td>{formatDate(o.createdAt, locale)}</td>
                  <td>
                    <span className={`billing-status billing-status--${o.status}`}>{t(`billingStatus.po.${o.status}`)}</span>
                    {o.refusalReason ? <span className="muted small"> — {o.refusalReason}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="docs-invoices">
        <h2 id="docs-invoices">{t('documents.invoices')}</h2>
        {documents.invoices.length === 0 ? (
          <p className="muted">{t('documents.empty')}</p>
        ) : (
          <table className="table">
            <caption className="billing-visually-hidden">{t('documents.invoices')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('billing.number')}</th>
                <th scope="col">{t('billing.date')}</th>
                <th scope="col">{t('billing.dueDate')}</th>
                <th scope="col" className="num">
                  {t('billing.total')}
                </th>
                <th scope="col">{t('billing.status')}</th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {documents.invoices.map((i) => {
                const state = i.credited ? 'credited' : i.paidAt ? 'paid' : 'unpaid';
                return (
                  <tr key={i.id}>
                    <th scope="row">{i.number}</th>
                    <td>{formatDate(i.createdAt, locale)}</td>
                    <td>{formatDay(i.dueDate, locale)}</td>
                    <td className="num">{formatCents(i.totalInclTaxCents, locale)}</td>
                    <td>
                      <span className={`billing-status billing-status--${state}`}>{t(`billingStatus.invoice.${state}`)}</span>
                    </td>
                    <td>
                      <a href={documentUrl('invoice', i.id)} aria-label={t('billing.downloadNamed', { name: i.number })}>
                        {download}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="docs-credit">
        <h2 id="docs-credit">{t('documents.creditNotes')}</h2>
        {documents.creditNotes.length === 0 ? (
          <p className="muted">{t('documents.empty')}</p>
        ) : (
          <table className="table">
            <caption className="billing-visually-hidden">{t('documents.creditNotes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('billing.number')}</th>
                <th scope="col">{t('creditNote.invoice')}</th>
                <th scope="col">{t('billing.date')}</th>
                <th scope="col" className="num">
                  {t('billing.total')}
                </th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {documents.creditNotes.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.number}</th>
                  <td>{c.invoiceNumber}</td>
                  <td>{formatDate(c.createdAt, locale)}</td>
                  <td className="num">{formatCents(c.totalInclTaxCents, locale)}</td>
                  <td>
                    <a href={documentUrl('creditNote', c.id)} aria-label={t('billing.downloadNamed', { name: c.number })}>
                      {download}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
