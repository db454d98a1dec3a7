import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { staffPage } from '~/utils/page-access.server';
import { titled } from '~/utils/page-title';

export const meta = titled('admin');

const sections = ['dashboard', 'employees', 'faq', 'catalog', 'emails', 'queues', 'audit'] as const;

/** Algiers calendar day, for the default export period (the current month so far). */
const algiersDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(d);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Commercials come here for the accountant's export only; the rest is the admin's.
  const { ctx, headers } = await staffPage(request, context);
  const today = algiersDay(new Date());
  return data({ isAdmin: ctx.user.role === 'admin', from: `${today.slice(0, 7)}-01`, to: today }, { headers });
}

export default function AdminHome() {
  const { isAdmin, from, to } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('admin.title')}</h1>
      {isAdmin ? (
        <>
          <p className="muted">{t('admin.lead')}</p>
          <div className="cards">
            {sections.map((s) => (
              <section key={s} className="card" aria-labelledby={`admin-${s}`}>
                <h2 id={`admin-${s}`}>
                  <Link to={`/backoffice/admin/${s}`}>{t(`admin.sections.${s}`)}</Link>
                </h2>
                <p className="muted">{t(`admin.sections.${s}Lead`)}</p>
              </section>
            ))}
          </div>
        </>
      ) : null}
      <section className="card" aria-labelledby="admin-export">
        <h2 id="admin-export">{t('admin.exports.title')}</h2>
        <p className="muted">{t('admin.exports.lead')}</p>
        {/* A plain GET to the resource route: the browser downloads the file. */}
        <form method="get" action="/backoffice/admin/exports/invoices.csv" className="form-row admin-inline-form">
          <div className="field">
            <label htmlFor="export-from">{t('admin.from')}</label>
            <input id="export-from" type="date" name="from" defaultValue={from} required />
          </div>
          <div className="field">
            <label htmlFor="export-to">{t('admin.to')}</label>
            <input id="export-to" type="date" name="to" defaultValue={to} required />
          </div>
          <div className="field admin-inline-form__submit">
            <button type="submit" className="button">
              {t('admin.exports.submit')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
