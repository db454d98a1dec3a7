import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { CompanyTeam } from '~/components/company-team';
import { useTranslation } from '~/i18n/use-translation';
import { formValues, serverApi } from '~/trpc.server';
import { orNotFound, staffPage } from '~/utils/page-access.server';
import { companyTeamAction } from '~/utils/company-team.server';
import { titled } from '~/utils/page-title';
import { idParam } from '~/utils/route-params.server';

export const meta = titled('companyPeople');

/** Staff run a client company's people as its manager does from the portal (invite, roles, access). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, headers } = await staffPage(request, context);
  const companyId = idParam(params.id);
  const overview = await orNotFound(api.backoffice.companies.overview({ companyId }));
  return data({ company: overview.company, people: await api.backoffice.companies.users.list({ companyId }) }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const { api, headers } = await serverApi(request, context);
  return data(await companyTeamAction(api, values, idParam(params.id)), { headers });
}

export default function CompanyPeople() {
  const { company, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to={`/backoffice/companies/${company.id}`}>{company.name}</Link>
      </p>
      <h1>{t('team.staffTitle')}</h1>
      <CompanyTeam people={people} meId={null} result={result} />
    </>
  );
}
