import type { LoaderFunctionArgs } from '@remix-run/node';
import { TRPCError } from '@trpc/server';
import { staffPage } from '~/utils/page-access.server';

/** The accountant's CSV of a period's invoices (staff): a download, never a page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { api, headers } = await staffPage(request, context);
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
