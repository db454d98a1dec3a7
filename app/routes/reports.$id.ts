import type { LoaderFunctionArgs } from '@remix-run/node';
import { TRPCError } from '@trpc/server';
import { fileResponse } from '~/utils/billing.server';
import { orNotFound, signedInPage } from '~/utils/page-access.server';
import { idParam } from '~/utils/route-params.server';

/** A monthly report's PDF: the company's managers (their own reports only) and the staff. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { api, ctx } = await signedInPage(request, context);
  const id = idParam(params.id);
  try {
    const file = await orNotFound(ctx.user.role === 'client' ? api.reports.pdf({ id }) : api.reports.staffPdf({ id }));
    return fileResponse(file, 'attachment');
  } catch (error) {
    // A client whose company is no longer subscribed: refused, as its portal pages are.
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 });
    throw error;
  }
}
