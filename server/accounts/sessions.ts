import { lucia } from '../auth/lucia';
import type { RequestMeta } from '../request-context';

/** Opens a new session (a fresh id at every log-in) and returns the cookie to set. */
export async function openSession(userId: number, meta: RequestMeta): Promise<string> {
  const session = await lucia.createSession(userId, { ip: meta.ip, user_agent: meta.userAgent });
  return lucia.createSessionCookie(session.id).serialize();
}

export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a user but, optionally, the one in use. */
export async function endOtherSessions(userId: number, keepSessionId?: string): Promise<void> {
  const sessions = await lucia.getUserSessions(userId);
  await Promise.all(sessions.filter((s) => s.id !== keepSessionId).map((s) => lucia.invalidateSession(s.id)));
}
