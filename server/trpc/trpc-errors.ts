import { TRPCError } from '@trpc/server';
import { AppError, type AppErrorCode } from '../errors';

/** AppError's codes as tRPC (and so HTTP) codes: here and nowhere else. */
const trpcCodes = {
  BAD_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  ILLEGAL_TRANSITION: 'PRECONDITION_FAILED',
  UNAVAILABLE: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<AppErrorCode, TRPCError['code']>;

/**
 * What a procedure's failure becomes for its caller: an AppError the TRPCError of its code, with the
 * i18n key as message and the AppError as cause (params, field); anything else unchanged.
 */
export function toTRPCError(error: unknown): unknown {
  const appError = error instanceof TRPCError && error.cause instanceof AppError ? error.cause : error;
  if (!(appError instanceof AppError)) return error;
  if (error instanceof TRPCError && error.code === trpcCodes[appError.code]) return error;
  return new TRPCError({ code: trpcCodes[appError.code], message: appError.message, cause: appError });
}

/** The AppError behind a procedure's failure, thrown by a domain module directly or through a caller. */
export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause;
  return null;
}
