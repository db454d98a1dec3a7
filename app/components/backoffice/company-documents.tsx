import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { DocumentTable, useDocumentColumns, type DocumentList } from '~/components/billing/document-table';

/** A company's pro-formas, purchase orders, invoices and credit notes, each linked to its back-office page and file. */
export function CompanyDocuments({ documents, locale }: { documents: DocumentList; locale: Locale }) {
  const { t } = useTranslation();
  const columns = useDocumentColumns('backoffice', documents, locale);
  const { proformas, purchaseOrders, invoices, creditNotes } = documents;
  if (proformas.length + purchaseOrders.length + invoices.length + creditNotes.length === 0)
    return <p className="muted">{t('boCompany.noDocuments')}</p>;
  return (
    <div className="bo-documents">
      {proformas.length > 0 ? <DocumentTable caption={t('boCompany.proformas')} columns={columns.proformas} rows={proformas} /> : null}
      {purchaseOrders.length > 0 ? (
        <DocumentTable caption={t('boCompany.purchaseOrders')} columns={columns.purchaseOrders} rows={purchaseOrders} />
      ) : null}
      {invoices.length > 0 ? <DocumentTable caption={t('boCompany.invoices')} columns={columns.invoices} rows={invoices} /> : null}
      {creditNotes.length > 0 ? (
        <DocumentTable caption={t('boCompany.creditNotes')} columns={columns.creditNotes} rows={creditNotes} />
      ) : null}
    </div>
  );
}
