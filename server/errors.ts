import { TRPCError } from '@trpc/server';

/**
 * The one application error. `message` is an i18n key (errors.*) that pages translate into the
 * reader's language; `params` fill its placeholders. Mapped to tRPC/HTTP codes here and only here.
 */
const codes = {
  BAD_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  ILLEGAL_TRANSITION: 'PRECONDITION_FAILED',
  UNAVAILABLE: 'INTERNAL_SERVER_ERROR',
} as const;

export type AppErrorCode = keyof typeof codes;

export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  readonly params: Record<string, string | number>;
  readonly field: string | undefined;

  constructor(appCode: AppErrorCode, key: string, options: { params?: Record<string, string | number>; field?: string } = {}) {
    super({ code: codes[appCode], message: key });
    this.appCode = appCode;
    this.params = options.params ?? {};
    this.field = options.field;
  }
}

export const notFound = (key = 'errors.notFound') => new AppError('NOT_FOUND', key);
