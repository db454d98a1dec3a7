import { localCache } from '../cache/local-cache';
import { Notification } from '../db/models';
import { isSuperClient } from '../subscriptions/super-client';

/** One page of a user's notifications, newest first; the user id is always part of the query. */
export async function notificationsPage(userId: number, page: number, pageSize: number) {
  const [{ rows, count }, unread] = await Promise.all([
    Notification.findAndCountAll({ where: { userId }, order: [['id', 'DESC']], limit: pageSize, offset: (page - 1) * pageSize }),
    Notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    unread,
    total: count,
    pageCount: Math.max(1, Math.ceil(count / pageSize)),
    items: rows.map((n) => ({ id: n.id, kind: n.kind, params: n.params, link: n.link, readAt: n.readAt, createdAt: n.createdAt })),
  };
}

/** The header's badge, asked on every page view: kept in this process until the user's notifications change. */
const unreadCounts = localCache<number, number>({
  ttlMs: 60_000,
  maxEntries: 20_000,
  load: (userId) => Notification.count({ where: { userId, readAt: null } }),
  matches: (message, userId) => message.topic === 'user' && message.id === userId,
});
export const unreadCount = (userId: number): Promise<number> => unreadCounts.get(userId);

/** What the site header shows a signed-in user: the unread badge and, for a client, whether the portal's pages are theirs. */
export async function headerInfo(user: { id: number; role: string; companyId: number | null }) {
  const [unread, superClient] = await Promise.all([
    unreadCount(user.id),
    user.role === 'client' && user.companyId !== null ? isSuperClient(user.companyId) : Promise.resolve(false),
  ]);
  return { unread, superClient };
}
