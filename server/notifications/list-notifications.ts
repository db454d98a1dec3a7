import { Op } from 'sequelize';
import { Notification } from '../db/models';

/** A user's own notifications, newest first; the user id is always part of the query. */
export async function listNotifications(userId: number, limit = 20) {
  const [items, unread] = await Promise.all([
    Notification.findAll({ where: { userId }, order: [['id', 'DESC']], limit }),
    Notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    unread,
    items: items.map((n) => ({ id: n.id, kind: n.kind, params: n.params, link: n.link, readAt: n.readAt, createdAt: n.createdAt })),
  };
}

export async function markNotificationsRead(userId: number, ids: number[] | 'all') {
  await Notification.update(
    { readAt: new Date() },
    { where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { [Op.in]: ids } }) } },
  );
}
