import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CompanyTeam } from '~/components/company-team';
import { useTranslation } from '~/i18n/use-translation';
import { formValues, serverApi } from '~/trpc.server';
import { clientPage } from '~/utils/page-access.server';
import { companyTeamAction } from '~/utils/company-team.server';
import { titled } from '~/utils/page-title';

export const meta = titled('team');

/** The manager's team: who may use the portal and as what (docs/decisions/110-company-roles.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, ctx, headers } = await clientPage(request, context);
  if (ctx.user.companyId === null || ctx.user.companyRole !== 'manager') throw redirect('/portal');
  return data({ people: await api.company.users.list(), meId: ctx.user.id }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  return data(await companyTeamAction(api, values, null), { headers });
}

export default function Team() {
  const { people, meId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('team.title')}</h1>
      <p className="lead">{t('team.lead')}</p>
      <CompanyTeam people={people} meId={meId} result={result} />
    </>
  );
}
