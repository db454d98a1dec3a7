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

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

/**
 * A client account, with or without a company yet: a client's first quote request is what records
 * their company. ctx.companyId may be null here.
 */
export const clientAccountProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'client') throw new AppError('FORBIDDEN', 'errors.forbidden');
  return next({ ctx: { ...ctx, companyId: ctx.user.companyId } });
});

/** A client user attached to a company; ctx.companyId is what every query of theirs filters on. */
export const clientProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'client' || ctx.user.companyId === null) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return next({ ctx: { ...ctx, companyId: ctx.user.companyId } });
});

/** A client whose company has an active subscription now (derived, never a stored flag). */
export const superClientProcedure = clientProcedure.use(async ({ ctx, next }) => {
  if (!(await isSuperClient(ctx.companyId))) throw new AppError('FORBIDDEN', 'errors.subscriptionRequired');
  return next();
});

export const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'commercial' && ctx.user.role !== 'admin') throw new AppError('FORBIDDEN', 'errors.forbidden');
  return next();
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') throw new AppError('FORBIDDEN', 'errors.forbidden');
  return next();
});
