/**
 * The one application error, independent of any transport: domain modules and the worker throw it;
 * tRPC maps it to its codes in one place (server/trpc/trpc-errors.ts). `message` is an i18n key
 * (errors.*) that pages translate into the reader's language; `params` fill its placeholders;
 * `field` names the form field it belongs to.
 */
export const appErrorCodes = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'ILLEGAL_TRANSITION',
  'UNAVAILABLE',
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly params: Record<string, string | number>;
  readonly field: string | undefined;

  constructor(code: AppErrorCode, key: string, options: { params?: Record<string, string | number>; field?: string } = {}) {
    super(key);
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
  }
}

export const notFound = (key = 'errors.notFound') => new AppError('NOT_FOUND', key);
