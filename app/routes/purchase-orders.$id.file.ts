import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser, serverApi } from '~/trpc.server';
import { fileResponse, idParam, orNotFound } from '~/utils/billing.server';

/** An uploaded purchase order: its company's clients and the staff only; always downloaded, never rendered in our pages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, ctx } = await serverApi(request);
  requireUser(ctx, request);
  const file = await orNotFound(api.purchaseOrders.file({ id: idParam(params.id) }));
  return fileResponse(file, 'attachment');
}
