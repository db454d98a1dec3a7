import { Op, UniqueConstraintError } from 'sequelize';
import { Service, Subscription, SubscriptionReminder } from '../db/models';
import { type reminderKinds } from '../db/models/subscription-reminder';
import { sequelize } from '../db/sequelize';
import { formatDateDz } from '../documents/pdf-format';
import { logger } from '../logger';
import { companyUserIds, notifyUsers } from '../notifications/notify';
import { algiersDate, daysBetween } from '../calendar/algiers-calendar';
import { absoluteUrl, billingLinks } from '../sales/billing-links';

type ReminderKind = (typeof reminderKinds)[number];

/** The reminder due with this many Algiers days left: 30, 7 and 1 days before the end, and on the day. */
export function reminderDue(daysLeft: number): ReminderKind | null {
  if (daysLeft < 0) return null;
  if (daysLeft === 0) return 'd0';
  if (daysLeft <= 1) return 'd1';
  if (daysLeft <= 7) return 'd7';
  if (daysLeft <= 30) return 'd30';
  return null;
}

/**
 * Scheduled (daily and at worker start). Each reminder is sent exactly once, even when the job
 * runs twice or on two workers at once: the subscription_reminders row (subscription, kind, end)
 * is inserted first, in the same transaction as the notification and the e-mail, and a duplicate
 * key means another run already sent it. A period already renewed gets no reminder.
 */
export async function sendSubscriptionReminders(now = new Date()): Promise<{ sent: number; skipped: number }> {
  const today = algiersDate(now);
  const candidates = await Subscription.findAll({
    // Only a contract running its course: one cancelled at term is not invited to renew.
    where: {
      status: 'active',
      startAt: { [Op.lte]: now },
      endAt: { [Op.gte]: new Date(now.getTime() - 86_400_000), [Op.lte]: new Date(now.getTime() + 32 * 86_400_000) },
    },
    include: [{ model: Service, as: 'service' }],
  });
  let sent = 0;
  let skipped = 0;
  for (const subscription of candidates) {
    const daysLeft = daysBetween(today, algiersDate(subscription.endAt));
    const kind = reminderDue(daysLeft);
    if (!kind) continue;
    const renewed = await Subscription.count({
      where: {
        companyId: subscription.companyId,
        serviceId: subscription.serviceId,
        id: { [Op.ne]: subscription.id },
        startAt: { [Op.lte]: subscription.endAt },
        endAt: { [Op.gt]: subscription.endAt },
      },
    });
    if (renewed > 0) continue;
    const service = (subscription as Subscription & { service: Service }).service;
    try {
      await sequelize.transaction(async (transaction) => {
        await SubscriptionReminder.create({ subscriptionId: subscription.id, kind, endAt: subscription.endAt }, { transaction });
        const params = { service: service.nameFr, end: formatDateDz(subscription.endAt), days: daysLeft };
        await notifyUsers(
          {
            userIds: await companyUserIds(subscription.companyId, transaction),
            kind: kind === 'd0' ? 'subscriptionEnds' : 'subscriptionEnding',
            params,
            link: subscription.quoteRequestId ? billingLinks.newQuoteFrom(subscription.quoteRequestId) : '/quote',
            mail: {
              template: kind === 'd0' ? 'subscription-ends' : 'subscription-ending',
              params: {
                ...params,
                renewUrl: absoluteUrl(subscription.quoteRequestId ? billingLinks.newQuoteFrom(subscription.quoteRequestId) : '/quote'),
              },
            },
          },
          transaction,
        );
      });
      sent += 1;
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) {
        logger.error({ err: error, subscriptionId: subscription.id, kind }, 'subscription reminder not sent');
        continue;
      }
      skipped += 1;
    }
  }
  return { sent, skipped };
}
