import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { NavLink, Outlet, isRouteErrorResponse, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from '~/i18n/use-translation';
import { staffPage } from '~/utils/page-access.server';

/** The administration area: its own menu; each page checks its role again in its loader. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, headers } = await staffPage(request, context);
  return data({ isAdmin: ctx.user.role === 'admin' }, { headers });
}

const sections = ['dashboard', 'employees', 'faq', 'catalog', 'emails', 'queues', 'audit'] as const;

export default function AdminLayout() {
  const { isAdmin } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="admin">
      {isAdmin ? (
        <nav aria-label={t('admin.subnav')} className="admin-subnav">
          <ul>
            <li>
              <NavLink to="/backoffice/admin" end>
                {t('admin.home')}
              </NavLink>
            </li>
            {sections.map((s) => (
              <li key={s}>
                <NavLink to={`/backoffice/admin/${s}`}>{t(`admin.sections.${s}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <section className="error-page" aria-labelledby="admin-error-title">
      <p className="error-code">{isRouteErrorResponse(error) ? error.status : 500}</p>
      <h1 id="admin-error-title">{forbidden ? t('errors.forbidden') : t('errors.serverError')}</h1>
      <a className="button" href="/backoffice">
        {t('nav.backoffice')}
      </a>
    </section>
  );
}
