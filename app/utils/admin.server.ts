import { redirect } from '@remix-run/node';
import type { FormFailure } from '~/trpc.server';
import { requireUser } from '~/trpc.server';

/** Loader guard of the administration pages: visitors log in, clients go home, commercials get 403. */
export function requireRole<T extends { user: { role: string } | null }>(ctx: T, request: Request, allowed: 'admin' | 'staff'): asserts ctx is T & { user: NonNullable<T['user']> } {
  requireUser(ctx, request);
  if (ctx.user.role === 'client') throw redirect('/portal');
  if (allowed === 'admin' && ctx.user.role !== 'admin') throw new Response('errors.forbidden', { status: 403 });
}

export type ActionDone = { ok: true; message: string; params: Record<string, string | number> };
export type AdminActionResult = ActionDone | FormFailure;

export const done = (message: string, params: Record<string, string | number> = {}): ActionDone => ({ ok: true, message, params });

/** A positive integer from a form or query string, else undefined (the procedure's schema then refuses). */
export function intField(value: FormDataEntryValue | string | null | undefined): number {
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

export function pageParam(url: URL): number {
  const page = Number(url.searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
