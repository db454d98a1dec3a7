import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import { localCache } from '../cache/local-cache';
import { publishInvalidation } from '../cache/invalidation-bus';

type SessionAndUser = [session: DatabaseSession | null, user: DatabaseUser | null];

/**
 * Lucia's adapter with the session and its user kept in this process between requests (two queries
 * saved on every request; docs/decisions/013-web-request-costs.md). Every way a session ends goes
 * through here and is published; a change to a user row is published by the User model's hooks.
 * Lucia itself still checks each session's expiry on every request.
 */
export function cachedSessionAdapter(inner: Adapter, ttlMs = 30_000): Adapter {
  const sessions = localCache<string, SessionAndUser>({
    ttlMs,
    maxEntries: 20_000,
    load: (sessionId) => inner.getSessionAndUser(sessionId),
    matches: (message, sessionId, [, user]) =>
      (message.topic === 'session' && message.id === sessionId) || (message.topic === 'user' && message.id === user?.id),
    // An unknown id is not kept: it could be a session being created this very moment.
    keep: ([session, user]) => session !== null && user !== null,
  });
  return {
    getSessionAndUser: (sessionId) => sessions.get(sessionId),
    getUserSessions: (userId) => inner.getUserSessions(userId),
    setSession: (session) => inner.setSession(session),
    updateSessionExpiration: async (sessionId, expiresAt) => {
      await inner.updateSessionExpiration(sessionId, expiresAt);
      await publishInvalidation({ topic: 'session', id: sessionId });
    },
    deleteSession: async (sessionId) => {
      await inner.deleteSession(sessionId);
      await publishInvalidation({ topic: 'session', id: sessionId });
    },
    deleteUserSessions: async (userId) => {
      await inner.deleteUserSessions(userId);
      await publishInvalidation({ topic: 'user', id: userId });
    },
    deleteExpiredSessions: () => inner.deleteExpiredSessions(),
  };
}
