import { Op } from 'sequelize';
import { localCache } from '../cache/local-cache';
import { Notification } from '../db/models';
import { isSuperClient } from '../subscriptions/super-client';

/**
 * What a user reads of their in-app notifications (notify.ts writes them): pages of them, the
 * unread badge, marking them read. The user id is always part of the query.
 */

/** One page of a user's notifications, newest first. */
export async function notificationsPage(userId: number, page = 1, pageSize = 20) {
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

export async function markNotificationsRead(userId: number, ids: number[] | 'all') {
  await Notification.update(
    { readAt: new Date() },
    { where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { [Op.in]: ids } }) } },
  );
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
