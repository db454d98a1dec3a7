import type { LoaderFunctionArgs } from '@remix-run/node';
import { TRPCError } from '@trpc/server';
import { requireRole } from '~/utils/admin.server';
import { serverApi } from '~/trpc.server';

/** The accountant's CSV of a period's invoices (staff): a download, never a page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { api, ctx, headers } = await serverApi(request, context);
  requireRole(ctx, request, 'staff');
  try {
    const file = await api.admin.exports.invoicesCsv({ from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' });
    headers.set('Content-Type', 'text/csv; charset=utf-8');
    headers.set('Content-Disposition', `attachment; filename="${file.filename}"`);
    headers.set('Cache-Control', 'private, no-store');
    return new Response(file.csv, { status: 200, headers });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return new Response('Bad period', { status: 400, headers });
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') return new Response('Forbidden', { status: 403, headers });
    throw error;
  }
}
