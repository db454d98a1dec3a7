import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { serverApi } from '~/trpc.server';

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await serverApi(request);
  await api.auth.logout();
  return redirect('/', { headers });
}

export const loader = () => redirect('/');
