import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatCents } from '~/utils/billing-format';
import { formatNumber, formatPercent } from '../../../shared/format';

type Line = { description: string; quantity: number; unitPriceCents: number; discountPercent: number; totalCents: number };
type Totals = { totalExclTaxCents: number; vatRatePercent: number; vatCents: number; totalInclTaxCents: number };

/**
 * The lines of a pro-forma or an invoice and their totals, as the PDF prints them: a service line
 * counts months, an intervention, hardware or a set-up fee counts units, so the headers name a
 * quantity and a unit price, not a duration; a line without discount shows a dash.
 */
export function DocumentLinesTable({
  lines,
  totals,
  locale,
  totalTestId,
}: {
  lines: Line[];
  totals: Totals;
  locale: Locale;
  totalTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table document-lines">
        <caption>{t('billing.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('billing.description')}</th>
            <th scope="col" className="num">
              {t('documentLines.quantity')}
            </th>
            <th scope="col" className="num">
              {t('documentLines.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('documentLines.discount')}
            </th>
            <th scope="col" className="num">
              {t('billing.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={i}>
              <td className="document-lines__description">{line.description}</td>
              <td className="num">{formatNumber(line.quantity, locale)}</td>
              <td className="num">{formatCents(line.unitPriceCents, locale)}</td>
              <td className="num">
                {line.discountPercent > 0 ? (
                  formatPercent(line.discountPercent, locale, 2)
                ) : (
                  <span aria-label={t('documentLines.noDiscount')}>—</span>
                )}
              </td>
              <td className="num">{formatCents(line.totalCents, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {t('billing.totalExclTax')}
            </th>
            <td className="num">{formatCents(totals.totalExclTaxCents, locale)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={4}>
              {t('billing.vat', { rate: totals.vatRatePercent })}
            </th>
            <td className="num">{formatCents(totals.vatCents, locale)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={4}>
              {t('billing.totalInclTax')}
            </th>
            <td className="num">
              <strong data-testid={totalTestId}>{formatCents(totals.totalInclTaxCents, locale)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
