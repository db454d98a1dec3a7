import { redirect } from '@remix-run/node';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError } from '../server/errors';
import { createContext } from '../server/trpc/context';
import { createCaller } from '../server/trpc/root-router';

/**
 * Loaders and actions call procedures through this server-side caller: same validation and
 * authorization as /api/trpc, no HTTP hop. Cookies the procedures set are in `headers`.
 */
export async function serverApi(request: Request) {
  const headers = new Headers();
  const ctx = await createContext(request, headers);
  return { api: createCaller(ctx), headers, ctx };
}

export type FormFailure = {
  ok: false;
  formError: string | null;
  params: Record<string, string | number>;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

/** Turns a procedure's refusal into what a form shows: a message per field and the typed values. */
export function formFailure(error: unknown, values: Record<string, string>): FormFailure {
  const base = { ok: false as const, values: Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k))) };
  if (error instanceof TRPCError && error.cause instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.cause.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
    return { ...base, formError: null, params: {}, fieldErrors };
  }
  if (error instanceof AppError) {
    return {
      ...base,
      formError: error.field ? null : error.message,
      params: error.params,
      fieldErrors: error.field ? { [error.field]: error.message } : {},
    };
  }
  if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') throw redirect('/login');
  throw error;
}

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  return values;
}

/** For loaders of pages that need a signed-in user: visitors go to the log-in page and come back. */
export function requireUser<T extends { user: unknown }>(ctx: T, request: Request): asserts ctx is T & { user: NonNullable<T['user']> } {
  if (!ctx.user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
}
