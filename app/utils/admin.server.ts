import type { FormFailure } from '~/trpc.server';

export type ActionDone = { ok: true; message: string; params: Record<string, string | number> };
export type AdminActionResult = ActionDone | FormFailure;

export const done = (message: string, params: Record<string, string | number> = {}): ActionDone => ({ ok: true, message, params });

/** A positive integer from a form or query string, else undefined (the procedure's schema then refuses). */
export function intField(value: FormDataEntryValue | string | null | undefined): number {
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

export function pageParam(url: URL): number {
  const page = Number(url.searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
