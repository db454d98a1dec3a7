import type { LoaderFunctionArgs } from '@remix-run/node';
import { orNotFound, signedInPage } from '~/utils/page-access.server';
import { fileResponse } from '~/utils/billing.server';
import { idParam } from '~/utils/route-params.server';

/** A transfer's or cheque's scan: its company's clients and the staff only; always downloaded. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api } = await signedInPage(request, context);
  const file = await orNotFound(api.payments.proofFile({ id: idParam(params.id) }));
  return fileResponse(file, 'attachment');
}
