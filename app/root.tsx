import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { I18nextProvider } from 'react-i18next';
import { useTranslation } from '~/i18n/use-translation';
import { i18nFor } from '../shared/i18n/i18n';
import { defaultLocale, localeDirection } from '../shared/i18n/locales';
import { SiteHeader } from '~/components/site-header';
import { SiteFooter } from '~/components/site-footer';
import stylesheet from '~/styles/app.css';
import { serverApi } from '~/trpc.server';
import { useNonce } from '~/utils/nonce';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, headers, ctx } = await serverApi(request, context);
  const me = await api.auth.me();
  const portal = ctx.user ? await api.portal.header() : null;
  return data({ locale: ctx.locale, me, portal }, { headers });
}

export type RootData = typeof loader;

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<RootData>('root');
  const locale = root?.locale ?? defaultLocale;
  const i18n = i18nFor(locale);
  const nonce = useNonce();
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <SiteHeader me={root?.me ?? null} locale={locale} portal={root?.portal ?? null} />
          <main id="content" className="page" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, lead] =
    status === 404
      ? [t('errors.pageNotFound'), t('errors.pageNotFoundLead')]
      : status === 503
        ? [t('errors.unavailable'), t('errors.serverErrorLead')]
        : status === 403
          ? // A refusal's key (errors.forbidden, errors.companyRoleRequired) says why.
            [
              t('errors.forbidden'),
              t(isRouteErrorResponse(error) && /^errors\.[A-Za-z.]+$/.test(String(error.data)) ? String(error.data) : 'errors.forbidden'),
            ]
          : [t('errors.serverError'), t('errors.serverErrorLead')];
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{lead}</p>
      <a className="button" href="/">
        {t('errors.backHome')}
      </a>
    </section>
  );
}
