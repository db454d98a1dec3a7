import type { AppLoadContext } from '@remix-run/node';
import { TRPCError } from '@trpc/server';
import type { serverApi } from '~/trpc.server';
import { clientPage } from '~/utils/page-access.server';

type Api = Awaited<ReturnType<typeof serverApi>>['api'];

/**
 * The start of every super-client page loader: who is asking (a client, else the log-in page or
 * the back-office), then the page's procedures. A company without an active subscription gets
 * `access` (when it ended, where to renew) instead of the page; a record of another company is a 404.
 */
export async function superClientPage<T>(request: Request, context: AppLoadContext, load: (api: Api) => Promise<T>) {
  const { api, ctx, headers } = await clientPage(request, context);
  const base = { headers, locale: ctx.locale, api, user: ctx.user };
  if (ctx.user.companyId === null) return { ...base, page: null, access: { superClient: false, endedAt: null, renewUrl: '/quote' } };
  try {
    return { ...base, page: await load(api), access: null };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'FORBIDDEN' && error.message === 'errors.subscriptionRequired') {
      return { ...base, page: null, access: await api.portal.access() };
    }
    // A page another company role is given (a member on a manager's page): said, not a crash.
    if (error instanceof TRPCError && error.code === 'FORBIDDEN' && error.message === 'errors.companyRoleRequired') {
      throw new Response('errors.companyRoleRequired', { status: 403 });
    }
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 });
    // A hand-edited query string (an unknown sort column…) is a bad request, not a server error.
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') throw new Response('Bad request', { status: 400 });
    throw error;
  }
}
