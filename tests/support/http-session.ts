/**
 * A signed-in user over real HTTP, as a browser is: the session cookie from `/api/trpc/auth.login`,
 * our own Origin on state-changing requests, tRPC's superjson envelope. For the fault tests and the
 * load benchmark, which talk to a web process started as a child.
 */
export type HttpSession = {
  cookie: string;
  get(path: string): Promise<Response>;
  query<T = unknown>(procedure: string, input?: unknown): Promise<T>;
  mutate<T = unknown>(procedure: string, input: unknown): Promise<T>;
};

type TrpcEnvelope = { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } };

async function unwrap<T>(procedure: string, response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as TrpcEnvelope;
  if (!response.ok || body.error) throw new Error(`${procedure}: HTTP ${response.status} ${body.error?.json?.message ?? ''}`.trim());
  return body.result?.data?.json as T;
}

export function httpSession(appUrl: string, cookie: string): HttpSession {
  const origin = new URL(appUrl).origin;
  const headers = (extra: Record<string, string> = {}) => ({ cookie, ...extra });
  return {
    cookie,
    get: (path) => fetch(new URL(path, appUrl), { headers: headers(), redirect: 'manual' }),
    async query(procedure, input) {
      const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      return unwrap(procedure, await fetch(new URL(`/api/trpc/${procedure}${search}`, appUrl), { headers: headers() }));
    },
    async mutate(procedure, input) {
      const response = await fetch(new URL(`/api/trpc/${procedure}`, appUrl), {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json', origin }),
        body: JSON.stringify({ json: input }),
      });
      return unwrap(procedure, response);
    },
  };
}

/** Logs in through the same procedure as the log-in page; throws on a refusal. */
export async function logInOverHttp(appUrl: string, email: string, password: string): Promise<HttpSession> {
  const response = await fetch(new URL('/api/trpc/auth.login', appUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(appUrl).origin },
    body: JSON.stringify({ json: { email, password } }),
  });
  await unwrap('auth.login', response.clone());
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('ytech_session='));
  if (!session) throw new Error(`auth.login for ${email} set no session cookie`);
  return httpSession(appUrl, session);
}
