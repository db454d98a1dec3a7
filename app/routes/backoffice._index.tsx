import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser, serverApi } from '~/trpc.server';

export const meta: MetaFunction = () => [{ title: 'Back-office — Y-tech' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, headers } = await serverApi(request);
  requireUser(ctx, request);
  if (ctx.user.role === 'client') throw redirect('/portal');
  return data({ name: ctx.user.firstName, role: ctx.user.role }, { headers });
}

export default function BackofficeHome() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('backoffice.title')}</h1>
      <p>{t('backoffice.welcome', { name })}</p>
      <p className="muted">{t('backoffice.comingSoon')}</p>
    </>
  );
}
