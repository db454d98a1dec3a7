import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { billingRoles, companyRoles, ticketRoles, type CompanyRole } from '../accounts/roles';
import { isSuperClient } from '../subscriptions/super-client';
import { AppError } from '../errors';
import { runInScope } from '../request-context';
import type { Context } from './context';
import { transformer } from './shared-results';
import { appErrorOf, toTRPCError } from './trpc-errors';

/**
 * Procedure builders: every procedure starts from one of these, which is how it declares who may
 * call it. After a guard, the context's types say what is known (ctx.user non-null, ...).
 */
const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appError = appErrorOf(error);
    const zodFieldErrors =
      cause instanceof ZodError ? Object.fromEntries(cause.issues.map((i) => [i.path.join('.'), i.message])) : undefined;
    return {
      ...shape,
      // Never leak internals: an unexpected error becomes a generic key.
      message: error.code === 'INTERNAL_SERVER_ERROR' && !appError ? 'errors.internal' : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        params: appError?.params,
        fieldErrors: appError?.field ? { [appError.field]: appError.message } : zodFieldErrors,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/*
 * Each builder below runs exactly one middleware: tRPC copies the call's options and context at
 * every middleware level, so the checks are composed as plain functions rather than chained
 * with .use() (docs/decisions/013-web-request-costs.md). Each passes on only what it narrows, and
 * turns an AppError thrown by its check or anywhere after it into its TRPCError (trpc-errors.ts).
 */
function guarded<Narrowed extends object>(check: (ctx: Context) => Narrowed | Promise<Narrowed>) {
  // Inside the request's scope (server/request-context.ts): the jobs the procedure queues carry its id.
  return t.procedure.use(({ ctx, next }) =>
    runInScope(ctx.scope, async () => {
      let narrowed: Narrowed;
      try {
        narrowed = await check(ctx);
      } catch (error) {
        throw toTRPCError(error);
      }
      const result = await next({ ctx: narrowed });
      if (!result.ok) throw toTRPCError(result.error);
      return result;
    }),
  );
}

export const publicProcedure = guarded(() => ({}));

function signedIn(ctx: Context) {
  if (!ctx.user || !ctx.session) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  return { user: ctx.user, session: ctx.session };
}

/**
 * A client user attached to a company, holding one of `allowed` company roles. A role outside them
 * is refused with its own key, so that the page can say why (docs/decisions/110-company-roles.md).
 */
function clientOfCompany(ctx: Context, allowed: readonly CompanyRole[] = companyRoles) {
  const known = signedIn(ctx);
  const { role, companyId, companyRole } = known.user;
  if (role !== 'client' || companyId === null || companyRole === null) throw new AppError('FORBIDDEN', 'errors.forbidden');
  if (!allowed.includes(companyRole)) throw new AppError('FORBIDDEN', 'errors.companyRoleRequired');
  return { ...known, companyId, companyRole };
}

async function subscribed<T extends { companyId: number }>(known: T): Promise<T> {
  if (!(await isSuperClient(known.companyId))) throw new AppError('FORBIDDEN', 'errors.subscriptionRequired');
  return known;
}

function staffMember(ctx: Context, roles: ReadonlyArray<'commercial' | 'admin'>) {
  const known = signedIn(ctx);
  if (!(roles as readonly string[]).includes(known.user.role)) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return known;
}

export const authedProcedure = guarded(signedIn);

/**
 * A client account with no company yet, or the manager of theirs: a client's first quote request
 * is what records their company (they become its manager). ctx.companyId may be null here.
 */
export const clientAccountProcedure = guarded((ctx) => {
  const known = signedIn(ctx);
  if (known.user.role !== 'client') throw new AppError('FORBIDDEN', 'errors.forbidden');
  if (known.user.companyId !== null && known.user.companyRole !== 'manager') throw new AppError('FORBIDDEN', 'errors.companyRoleRequired');
  return { ...known, companyId: known.user.companyId };
});

/** Anyone of a client company, whatever their company role (what the portal's frame needs). */
export const companyUserProcedure = guarded((ctx) => clientOfCompany(ctx));

/** The company's manager; ctx.companyId is what every query of theirs filters on. */
export const clientProcedure = guarded((ctx) => clientOfCompany(ctx, ['manager']));

/** Documents and payments: the manager or the company's billing contact. */
export const billingProcedure = guarded((ctx) => clientOfCompany(ctx, billingRoles));

/**
 * Tickets and the park of a subscribed company: its manager or a member (whose tickets are only
 * their own: the procedures narrow by ctx.companyRole).
 */
export const supportProcedure = guarded((ctx) => subscribed(clientOfCompany(ctx, ticketRoles)));

/** The manager of a company with an active subscription now (derived, never a stored flag): dashboards. */
export const superClientProcedure = guarded((ctx) => subscribed(clientOfCompany(ctx, ['manager'])));

export const staffProcedure = guarded((ctx) => staffMember(ctx, ['commercial', 'admin']));

export const adminProcedure = guarded((ctx) => staffMember(ctx, ['admin']));
