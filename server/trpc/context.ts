import type { Session, User as LuciaUser } from 'lucia';
import { lucia } from '../auth/lucia';
import { resolveLocale, type Locale } from '../../app/i18n/locales';

export type RequestMeta = { ip: string | null; userAgent: string | null; origin: string };

/** Where the context puts headers the response must carry (session cookies): a fetch Headers or the Express response. */
export type ResponseHeaders = { append(name: string, value: string): void };

export type Context = {
  user: LuciaUser | null;
  session: Session | null;
  locale: Locale;
  meta: RequestMeta;
  resHeaders: ResponseHeaders;
};

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function requestMeta(request: Request): RequestMeta {
  // Behind nginx, X-Forwarded-For's first hop is the browser; the express server trusts one proxy.
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    ip: forwarded || request.headers.get('x-real-ip') || null,
    userAgent: request.headers.get('user-agent')?.slice(0, 255) ?? null,
    origin: new URL(request.url).origin,
  };
}

export async function createContext(request: Request, resHeaders: ResponseHeaders = new Headers()): Promise<Context> {
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
  return { user, session, locale, meta: requestMeta(request), resHeaders };
}
