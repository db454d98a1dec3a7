import { redirect, type AppLoadContext } from '@remix-run/node';
import { TRPCError } from '@trpc/server';
import { requireUser, serverApi } from '~/trpc.server';

/**
 * The start of a page's loader or action, read top to bottom: who is asking (a visitor goes to the
 * log-in page and comes back; the other side of the platform goes home), then the procedures.
 * With idParam (route-params.server.ts) for the URL's record id and orNotFound for the record.
 */

/**
 * A page or file for any signed-in user, client or staff: the procedures it calls say what each
 * may see (a file of another company is a 404 through orNotFound).
 */
export async function signedInPage(request: Request, context: AppLoadContext) {
  const { api, ctx, headers } = await serverApi(request, context);
  requireUser(ctx, request);
  return { api, ctx, headers };
}

/** A back-office page: staff only; a client is sent to their portal. */
export async function staffPage(request: Request, context: AppLoadContext) {
  const page = await signedInPage(request, context);
  if (page.ctx.user.role === 'client') throw redirect('/portal');
  return page;
}

/** An administration page: staff come in, a commercial is told 403 (a client still goes home). */
export async function adminPage(request: Request, context: AppLoadContext) {
  const page = await staffPage(request, context);
  if (page.ctx.user.role !== 'admin') throw new Response('errors.forbidden', { status: 403 });
  return page;
}

/** A client portal page: clients only; staff are sent to the back office. */
export async function clientPage(request: Request, context: AppLoadContext) {
  const page = await signedInPage(request, context);
  if (page.ctx.user.role !== 'client') throw redirect('/backoffice');
  return page;
}

/** A procedure's NOT_FOUND becomes the page's 404 (another company's record looks like none). */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 });
    throw error;
  }
}
