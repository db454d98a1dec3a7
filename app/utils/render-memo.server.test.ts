import type { EntryContext } from '@remix-run/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recalled, remember, renderKey } from './render-memo.server';

const page = (loaderData: Record<string, unknown>, extra: Partial<EntryContext['staticHandlerContext']> = {}) =>
  ({ staticHandlerContext: { loaderData, actionData: null, errors: null, ...extra } }) as unknown as EntryContext;
const get = (url = 'http://localhost/portal/dashboard') => new Request(url);
const root = { locale: 'fr', me: { id: 4, firstName: 'Amina' }, portal: { unread: 2, superClient: true } };

afterEach(() => {
  vi.useRealTimers();
});

describe('the render memo key', () => {
  it('is the same for the same URL and data, and differs as soon as anything shown differs', () => {
    const key = renderKey(get(), 200, page({ root, 'routes/portal.dashboard': { at: new Date('2026-11-29T10:00:00Z') } }));
    expect(key).toBeTruthy();
    expect(renderKey(get(), 200, page({ root, 'routes/portal.dashboard': { at: new Date('2026-11-29T10:00:00Z') } }))).toBe(key);
    const variants = [
      renderKey(get('http://localhost/portal/dashboard?x=1'), 200, page({ root, 'routes/portal.dashboard': { at: new Date('2026-11-29T10:00:00Z') } })),
      renderKey(get(), 200, page({ root: { ...root, me: { id: 5, firstName: 'Amina' } }, 'routes/portal.dashboard': { at: new Date('2026-11-29T10:00:00Z') } })),
      renderKey(get(), 200, page({ root: { ...root, portal: { unread: 3, superClient: true } }, 'routes/portal.dashboard': { at: new Date('2026-11-29T10:00:00Z') } })),
      renderKey(get(), 200, page({ root: { ...root, locale: 'en' }, 'routes/portal.dashboard': { at: new Date('2026-11-29T10:00:00Z') } })),
      // A date and its text render alike in JSON, not in V8's serialization.
      renderKey(get(), 200, page({ root, 'routes/portal.dashboard': { at: '2026-11-29T10:00:00.000Z' } })),
    ];
    for (const variant of variants) expect(variant).not.toBe(key);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('is null for what must be rendered every time: other methods, errors, action results, unserializable data', () => {
    expect(renderKey(new Request('http://localhost/login', { method: 'POST' }), 200, page({ root }))).toBeNull();
    expect(renderKey(get(), 404, page({ root }))).toBeNull();
    expect(renderKey(get(), 200, page({ root }, { errors: { root: new Error('x') } }))).toBeNull();
    expect(renderKey(get(), 200, page({ root }, { actionData: { 'routes/login': { ok: false } } }))).toBeNull();
    expect(renderKey(get(), 200, page({ root, fn: () => 1 }))).toBeNull();
  });
});

describe('remembered pages', () => {
  it('are recalled for ten seconds, then rendered again', () => {
    vi.useFakeTimers({ now: new Date('2026-11-29T10:00:00Z') });
    remember('k-ttl', Buffer.from('<html>1</html>'));
    expect(recalled('k-ttl')?.toString()).toBe('<html>1</html>');
    vi.advanceTimersByTime(9_999);
    expect(recalled('k-ttl')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(recalled('k-ttl')).toBeNull();
  });

  it('hold 32 MB at most, dropping the oldest first', () => {
    const megabyte = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 40; i += 1) remember(`k-size-${i}`, Buffer.from(megabyte));
    expect(recalled('k-size-0')).toBeNull();
    expect(recalled('k-size-7')).toBeNull();
    expect(recalled('k-size-8')).not.toBeNull();
    expect(recalled('k-size-39')).not.toBeNull();
  });
});
