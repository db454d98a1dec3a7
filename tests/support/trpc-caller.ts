import { createContext } from '../../server/trpc/context';
import { createCaller } from '../../server/trpc/root-router';
import { uniqueAddress } from './unique-address';

/**
 * A browser stand-in for procedure tests: it keeps the session cookie the server sets, as a
 * browser would, and calls procedures through the real context (Lucia, cookies, rate limits).
 * Its address is what the HTTP server would have taken from the socket (each stand-in its own,
 * so that per-address limits of one test do not reach another).
 */
export function testClient(ip = uniqueAddress()) {
  let cookie: string | null = null;
  async function call() {
    const headers = new Headers({ 'user-agent': 'vitest' });
    if (cookie) headers.set('cookie', cookie);
    const resHeaders = new Headers();
    const ctx = await createContext(new Request('http://localhost:3000/api/trpc', { headers }), { clientAddress: ip, resHeaders });
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
