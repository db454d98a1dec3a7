import { Op, type Transaction } from 'sequelize';
import { resolveLocale } from '../../app/i18n/locales';
import { config } from '../config';
import { Notification, User } from '../db/models';
import { enqueueMail } from '../mail/enqueue-mail';
import type { Attachment } from '../mail/enqueue-mail';
import type { MailParams, MailTemplateName } from '../mail/mail-templates';

type MailPart<N extends MailTemplateName> = { template: N; params: MailParams<N>; attachments?: Attachment[] };

/**
 * Tells people something happened: an in-app notification (an i18n key `notifications.<kind>`
 * and its parameters, shown in the reader's language) and, when given, an e-mail in their
 * language. Written in the caller's transaction: nothing is announced for a change rolled back.
 */
export async function notifyUsers<N extends MailTemplateName>(
  input: { userIds: number[]; kind: string; params: Record<string, string | number>; link?: string | null; mail?: MailPart<N> },
  transaction?: Transaction,
): Promise<void> {
  if (input.userIds.length === 0) return;
  const users = await User.findAll({ where: { id: { [Op.in]: input.userIds }, active: true }, transaction });
  for (const user of users) {
    await Notification.create(
      { userId: user.id, kind: input.kind, params: input.params, link: input.link ?? null, readAt: null },
      { transaction },
    );
    if (input.mail) {
      await enqueueMail(
        { to: user.email, template: input.mail.template, locale: resolveLocale(user.locale), params: input.mail.params, attachments: input.mail.attachments },
        transaction,
      );
    }
  }
}

/** Every active user of a client company (the people concerned by its documents). */
export async function companyUserIds(companyId: number, transaction?: Transaction): Promise<number[]> {
  const users = await User.findAll({ where: { companyId, role: 'client', active: true }, attributes: ['id'], transaction });
  return users.map((u) => u.id);
}

/** The sales team: in-app for every commercial and admin, one e-mail to the team's address. */
export async function notifyStaff<N extends MailTemplateName>(
  input: { kind: string; params: Record<string, string | number>; link?: string | null; mail?: MailPart<N> },
  transaction?: Transaction,
): Promise<void> {
  const staff = await User.findAll({ where: { role: { [Op.in]: ['commercial', 'admin'] }, active: true }, attributes: ['id'], transaction });
  await notifyUsers({ userIds: staff.map((u) => u.id), kind: input.kind, params: input.params, link: input.link }, transaction);
  if (input.mail) {
    await enqueueMail(
      { to: config.STAFF_EMAIL, template: input.mail.template, locale: 'fr', params: input.mail.params, attachments: input.mail.attachments },
      transaction,
    );
  }
}
