import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { appErrorOf } from '../../server/trpc/trpc-errors';

export type Refusal = { code: TRPCError['code']; message: string; params: Record<string, string | number>; field: string | undefined };

/**
 * What a caller sees of a refused procedure call: tRPC's code and message (the i18n key), and the
 * params and field of the AppError behind it (server/trpc/trpc-errors.ts).
 */
export function refusalOf(error: unknown): Refusal {
  expect(error).toBeInstanceOf(TRPCError);
  const { code, message } = error as TRPCError;
  const appError = appErrorOf(error);
  return { code, message, params: appError?.params ?? {}, field: appError?.field };
}
