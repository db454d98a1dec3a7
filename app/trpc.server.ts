import { redirect, type AppLoadContext } from '@remix-run/node';
import { TRPCError } from '@trpc/server';
import { ZodError, type z } from 'zod';
import { createContext } from '../server/trpc/context';
import { createCaller } from '../server/trpc/root-router';
import { appErrorOf } from '../server/trpc/trpc-errors';

/**
 * Loaders and actions call procedures through this server-side caller: same validation and
 * authorization as /api/trpc, no HTTP hop. Cookies the procedures set are in `headers`.
 */
export async function serverApi(request: Request, context: AppLoadContext) {
  const headers = new Headers();
  const ctx = await createContext(request, { clientAddress: context.clientAddress, resHeaders: headers });
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
  const zodError = error instanceof ZodError ? error : error instanceof TRPCError && error.cause instanceof ZodError ? error.cause : null;
  if (zodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of zodError.issues) fieldErrors[issue.path.join('.')] ??= issue.message;
    return { ...base, formError: null, params: {}, fieldErrors };
  }
  const appError = appErrorOf(error);
  if (appError) {
    return {
      ...base,
      formError: appError.field ? null : appError.message,
      params: appError.params,
      fieldErrors: appError.field ? { [appError.field]: appError.message } : {},
    };
  }
  if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') throw redirect('/login');
  throw error;
}

/**
 * Form values parsed with (a pick of) the procedure's own input schema, instead of cast to the type
 * it wants: a value it refuses throws its ZodError, which formFailure shows on the field, as it
 * would the procedure's own refusal.
 */
export function parseForm<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
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
