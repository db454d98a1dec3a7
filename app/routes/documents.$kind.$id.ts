import type { LoaderFunctionArgs } from '@remix-run/node';
import { orNotFound, signedInPage } from '~/utils/page-access.server';
import { fileResponse } from '~/utils/billing.server';
import { idParam } from '~/utils/route-params.server';

const kinds = { proforma: 'proforma', invoice: 'invoice', 'credit-note': 'creditNote' } as const;

/** The PDF of a pro-forma, an invoice or a credit note: its company's clients and the staff only. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api } = await signedInPage(request, context);
  // Own keys only: `constructor` or `toString` would otherwise reach the procedure and answer 500.
  const kind = Object.hasOwn(kinds, params.kind ?? '') ? kinds[params.kind as keyof typeof kinds] : undefined;
  if (!kind) throw new Response('Not found', { status: 404 });
  const file = await orNotFound(api.documents.pdf({ kind, id: idParam(params.id) }));
  return fileResponse(file, 'inline');
}
