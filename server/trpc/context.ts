import type { Session, User as LuciaUser } from 'lucia';
import { lucia } from '../auth/lucia';
import { deviceCookieName, deviceIdPattern } from '../auth/trusted-device';
import { resolveLocale, type Locale } from '../../shared/i18n/locales';
import { currentRequestScope, newRequestId, requestScope, type RequestMeta, type RequestScope } from '../request-context';

/** Where the context puts headers the response must carry (session cookies): a fetch Headers or the Express response. */
export type ResponseHeaders = { append(name: string, value: string): void };

export type Context = {
  user: LuciaUser | null;
  session: Session | null;
  locale: Locale;
  meta: RequestMeta;
  resHeaders: ResponseHeaders;
  /** The request's id and its child logger; procedures run inside this scope, so the jobs they queue carry the id. */
  scope: RequestScope;
};

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** What the HTTP server knows of a request that its fetch `Request` does not carry. */
export type ConnectionInfo = {
  /** From the socket and TRUST_PROXY (server/http/client-address.ts), never from a header read here. */
  clientAddress: string | null;
  resHeaders?: ResponseHeaders;
};

function requestMeta(request: Request, clientAddress: string | null): RequestMeta {
  const deviceId = readCookie(request, deviceCookieName);
  return {
    ip: clientAddress,
    userAgent: request.headers.get('user-agent')?.slice(0, 255) ?? null,
    origin: new URL(request.url).origin,
    deviceId: deviceId && deviceIdPattern.test(deviceId) ? deviceId : null,
  };
}

export async function createContext(request: Request, { clientAddress, resHeaders = new Headers() }: ConnectionInfo): Promise<Context> {
  const sessionId = readCookie(request, lucia.sessionCookieName);
  let user: LuciaUser | null = null;
  let session: Session | null = null;
  if (sessionId) {
    const result = await lucia.validateSession(sessionId);
    if (result.session?.fresh) resHeaders.append('Set-Cookie', lucia.createSessionCookie(result.session.id).serialize());
    if (!result.session) resHeaders.append('Set-Cookie', lucia.createBlankSessionCookie().serialize());
    // A deactivated account keeps no session, even one validated before deactivation.
    if (result.user && !result.user.active && result.session) {
      await lucia.invalidateSession(result.session.id);
      resHeaders.append('Set-Cookie', lucia.createBlankSessionCookie().serialize());
    } else {
      user = result.user;
      session = result.session;
    }
  }
  const locale = resolveLocale(readCookie(request, 'lang') ?? user?.locale);
  // The HTTP server opened the request's scope; a caller without one (a test, a script) gets its own.
  const scope = currentRequestScope() ?? requestScope(newRequestId());
  return { user, session, locale, meta: requestMeta(request, clientAddress), resHeaders, scope };
}
