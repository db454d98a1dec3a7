import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { serverApi } from '~/trpc.server';

export async function action({ request, context }: ActionFunctionArgs) {
  const { api, headers } = await serverApi(request, context);
  await api.auth.logout();
  return redirect('/', { headers });
}

export const loader = () => redirect('/');
