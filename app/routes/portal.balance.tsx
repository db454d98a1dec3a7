import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BalanceSummary } from '~/components/billing/balance-summary';
import { useTranslation } from '~/i18n/use-translation';
import { clientPage } from '~/utils/page-access.server';

export const meta: MetaFunction = () => [{ title: 'Mon compte — Y-tech' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await clientPage(request, context);
  if (!ctx.user.companyId) throw redirect('/portal');
  if (ctx.user.companyRole === 'member') throw new Response('errors.companyRoleRequired', { status: 403 });
  const balance = await api.payments.myBalance();
  return data({ balance, locale: ctx.locale }, { headers });
}

/** The client's account: invoiced, credited, paid, what is left to pay, and every receipt. */
export default function ClientBalance() {
  const { balance, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/portal/documents">← {t('documents.title')}</Link>
      </p>
      <h1>{t('balance.title')}</h1>
      <p className="muted">{t('balance.lead')}</p>
      <BalanceSummary balance={balance} locale={locale} headingId="balance-figures" title={t('balance.title')} titleHidden />
    </>
  );
}
