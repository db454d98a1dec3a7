import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { isSuperClient } from '../subscriptions/super-client';
import { AppError } from '../errors';
import type { Context } from './context';
import { transformer } from './shared-results';

/**
 * Procedure builders: every procedure starts from one of these, which is how it declares who may
 * call it. After a guard, the context's types say what is known (ctx.user non-null, ...).
 */
const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodFieldErrors =
      cause instanceof ZodError
        ? Object.fromEntries(cause.issues.map((i) => [i.path.join('.'), i.message]))
        : undefined;
    return {
      ...shape,
      // Never leak internals: an unexpected error becomes a generic key.
      message: error.code === 'INTERNAL_SERVER_ERROR' && !(error instanceof AppError) ? 'errors.internal' : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        params: error instanceof AppError ? error.params : undefined,
        fieldErrors: error instanceof AppError && error.field ? { [error.field]: error.message } : zodFieldErrors,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = t.procedure;

/*
 * Each builder below runs exactly one middleware: tRPC copies the call's options and context at
 * every middleware level, so the checks are composed as plain functions rather than chained
 * with .use() (docs/decisions/013-web-request-costs.md). Each passes on only what it narrows.
 */
function signedIn(ctx: Context) {
  if (!ctx.user || !ctx.session) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  return { user: ctx.user, session: ctx.session };
}

function clientOfCompany(ctx: Context) {
  const known = signedIn(ctx);
  if (known.user.role !== 'client' || known.user.companyId === null) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return { ...known, companyId: known.user.companyId };
}

function staffMember(ctx: Context, roles: ReadonlyArray<'commercial' | 'admin'>) {
  const known = signedIn(ctx);
  if (!(roles as readonly string[]).includes(known.user.role)) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return known;
}

export const authedProcedure = t.procedure.use(({ ctx, next }) => next({ ctx: signedIn(ctx) }));

/**
 * A client account, with or without a company yet: a client's first quote request is what records
 * their company. ctx.companyId may be null here.
 */
export const clientAccountProcedure = t.procedure.use(({ ctx, next }) => {
  const known = signedIn(ctx);
  if (known.user.role !== 'client') throw new AppError('FORBIDDEN', 'errors.forbidden');
  return next({ ctx: { ...known, companyId: known.user.companyId } });
});

/** A client user attached to a company; ctx.companyId is what every query of theirs filters on. */
export const clientProcedure = t.procedure.use(({ ctx, next }) => next({ ctx: clientOfCompany(ctx) }));

/** A client whose company has an active subscription now (derived, never a stored flag). */
export const superClientProcedure = t.procedure.use(async ({ ctx, next }) => {
  const known = clientOfCompany(ctx);
  if (!(await isSuperClient(known.companyId))) throw new AppError('FORBIDDEN', 'errors.subscriptionRequired');
  return next({ ctx: known });
});

export const staffProcedure = t.procedure.use(({ ctx, next }) => next({ ctx: staffMember(ctx, ['commercial', 'admin']) }));

export const adminProcedure = t.procedure.use(({ ctx, next }) => next({ ctx: staffMember(ctx, ['admin']) }));
