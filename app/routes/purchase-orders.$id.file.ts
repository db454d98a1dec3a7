import type { LoaderFunctionArgs } from '@remix-run/node';
import { orNotFound, signedInPage } from '~/utils/page-access.server';
import { fileResponse } from '~/utils/billing.server';
import { idParam } from '~/utils/route-params.server';

/** An uploaded purchase order: its company's clients and the staff only; always downloaded, never rendered in our pages. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api } = await signedInPage(request, context);
  const file = await orNotFound(api.purchaseOrders.file({ id: idParam(params.id) }));
  return fileResponse(file, 'attachment');
}
