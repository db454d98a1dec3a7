import type { LoaderFunctionArgs } from '@remix-run/node';
import { superClientPage } from '~/utils/portal.server';
import { assetSlugSchema } from '../../server/portal/asset-types';

/** The filtered list of one asset type as a CSV file (French headers, UTF-8 with BOM). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const type = assetSlugSchema.safeParse(params.type);
  if (!type.success) throw new Response('Not found', { status: 404 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { page, headers } = await superClientPage(request, context, (api) => api.portal.park.csv({ ...query, type: type.data }));
  if (!page) throw new Response('Subscription required', { status: 403 });
  headers.set('Content-Type', 'text/csv; charset=utf-8');
  headers.set('Content-Disposition', `attachment; filename="${page.filename}"`);
  headers.set('Cache-Control', 'private, no-store');
  return new Response(page.body, { headers });
}
