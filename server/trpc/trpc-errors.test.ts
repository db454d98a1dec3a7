import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { appErrorOf, toTRPCError } from './trpc-errors';

describe('AppError → TRPCError, in one place', () => {
  it('gives each code its tRPC code, the key as message, and keeps the AppError as cause', () => {
    const refused = new AppError('RATE_LIMITED', 'errors.tooManyRequests', { params: { minutes: 3 }, field: 'email' });
    const mapped = toTRPCError(refused) as TRPCError;
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(mapped).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'errors.tooManyRequests' });
    expect(appErrorOf(mapped)).toBe(refused);
    expect(toTRPCError(new AppError('ILLEGAL_TRANSITION', 'errors.illegalTransition.quote'))).toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(toTRPCError(new AppError('BAD_INPUT', 'errors.x'))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('maps an AppError that tRPC wrapped as an internal error, and leaves other errors alone', () => {
    const wrapped = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new AppError('NOT_FOUND', 'errors.notFound') });
    expect(toTRPCError(wrapped)).toMatchObject({ code: 'NOT_FOUND', message: 'errors.notFound' });
    const plain = new Error('boom');
    expect(toTRPCError(plain)).toBe(plain);
    expect(appErrorOf(plain)).toBeNull();
  });

  it('is an Error of its own, not a transport error', () => {
    const error = new AppError('CONFLICT', 'errors.conflict');
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ name: 'AppError', code: 'CONFLICT', params: {} });
  });
});
