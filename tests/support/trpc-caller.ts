import { createContext } from '../../server/trpc/context';
import { createCaller } from '../../server/trpc/root-router';

/**
 * A browser stand-in for procedure tests: it keeps the session cookie the server sets, as a
 * browser would, and calls procedures through the real context (Lucia, cookies, rate limits).
 */
export function testClient(ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) {
  let cookie: string | null = null;
  async function call() {
    const headers = new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': ip });
    if (cookie) headers.set('cookie', cookie);
    const resHeaders = new Headers();
    const ctx = await createContext(new Request('http://localhost:3000/api/trpc', { headers }), resHeaders);
    return { caller: createCaller(ctx), resHeaders };
  }
  return {
    /** Runs one procedure call and keeps any session cookie it set. */
    async run<T>(fn: (caller: ReturnType<typeof createCaller>) => Promise<T>): Promise<T> {
      const { caller, resHeaders } = await call();
      try {
        return await fn(caller);
      } finally {
        for (const set of resHeaders.getSetCookie()) {
          const [pair] = set.split(';');
          const [name, value] = pair!.split('=');
          if (name === 'ytech_session') cookie = value ? `${name}=${value}` : null;
        }
      }
    },
    get sessionId() {
      return cookie?.split('=')[1] ?? null;
    },
    setSessionId(id: string | null) {
      cookie = id ? `ytech_session=${id}` : null;
    },
  };
}

let counter = 0;
export const uniqueEmail = (label = 'user') => `${label}.${process.pid}.${Date.now()}.${counter++}@example.dz`;
