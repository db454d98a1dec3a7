import type { inferRouterOutputs } from '@trpc/server';
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import type { Locale } from '../../../shared/i18n/locales';
import { formatMonth } from '../../../shared/format';
import { ReportsTable } from '~/components/reports-table';
import type { AppRouter } from '../../../server/trpc/root-router';

type Reports = inferRouterOutputs<AppRouter>['reports']['ofCompany'];

/** A company's monthly reports, each downloadable, and a report made again for a finished month. */
export function CompanyReports({
  reports,
  months,
  locale,
  busy,
  monthError,
}: {
  reports: Reports;
  months: string[];
  locale: Locale;
  busy: boolean;
  monthError?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ReportsTable reports={reports} locale={locale} audience="staff" />
      <Form method="post" className="form search-form">
        <div className="field">
          <label htmlFor="report-month">{t('report.staff.regenerateFor')}</label>
          <select
            id="report-month"
            name="month"
            aria-invalid={monthError ? true : undefined}
            aria-describedby={monthError ? 'report-month-error' : undefined}
          >
            {months.map((month) => (
              <option key={month} value={month}>
                {formatMonth(month, locale)}
              </option>
            ))}
          </select>
          {monthError ? (
            <p id="report-month-error" className="field__error" role="alert">
              {t(monthError)}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="regenerate-report" className="button" disabled={busy}>
          {t('report.staff.regenerate')}
        </button>
      </Form>
    </>
  );
}
